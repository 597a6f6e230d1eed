console.error('npm run bench: the benchmarks land with the benchmark issue; nothing is measured yet.');
process.exit(1);
