#!/bin/sh
exec node --test-reporter=tap "$@"
