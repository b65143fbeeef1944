#!/bin/sh
echo building "$IMAGE"
