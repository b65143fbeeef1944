#!/bin/sh
docker restart web
