#!/usr/bin/env fish
echo \x64ocker compose up -d
