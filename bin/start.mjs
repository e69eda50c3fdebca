#!/usr/bin/env node
console.log('xxgk: the CMS is not built yet (see the issues); `npx xxgk --help` lists what works today.')
