#!/bin/sh
echo sub
