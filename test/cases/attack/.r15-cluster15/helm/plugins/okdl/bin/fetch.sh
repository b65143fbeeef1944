#!/bin/sh
cat "$4"
