#!/bin/sh
echo y
