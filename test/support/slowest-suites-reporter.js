/**
 * Prints the slowest suites after a whole run (CI's budget is 30 minutes on two cores: README,
 * "Tests"), so whoever adds a slow suite sees it in the log. Nothing is printed for runs of a few suites.
 */
class SlowestSuitesReporter {
  onRunComplete(_contexts, results) {
    const suites = results.testResults
      .map((suite) => ({ path: suite.testFilePath.replace(`${process.cwd()}/`, ''), seconds: (suite.perfStats.end - suite.perfStats.start) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds);
    if (suites.length < 20) return;
    const total = suites.reduce((sum, suite) => sum + suite.seconds, 0);
    const lines = suites.slice(0, 15).map((suite) => `  ${suite.seconds.toFixed(1).padStart(7)} s  ${suite.path}`);
    process.stderr.write(`\nSlowest suites (of ${suites.length}, ${total.toFixed(0)} s of suite time in all):\n${lines.join('\n')}\n`);
  }
}
module.exports = SlowestSuitesReporter;
