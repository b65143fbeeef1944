#!/bin/zsh
source scripts/inner.zsh
