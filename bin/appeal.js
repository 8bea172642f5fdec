#!/usr/bin/env -S node --max-semi-space-size=2
'use strict';
// The small young generation (2 MB semi-spaces instead of V8's growth up to 16 MB) keeps a
// meeting's batch of 10,000 letters within a little of a 1,000-letter batch's memory, at no
// measurable cost in time: most of what appeal allocates lives briefly or for the whole run.
require('../dist/entry.js').runFromProcess();
