// ONNX Runtime's CPU time for one model, for bench/models.py:
//   NODE_PATH=DIR/node_modules node bench/ort-bench.js MODEL.onnx THREADS CALLS
// (onnxruntime-node from npm: `npm install --ignore-scripts onnxruntime-node`
// in DIR). Feeds each input random values of its declared shape, runs 2
// warm-up calls, then prints {"median_ms": ..., "load_ms": ...}: the median
// of CALLS session.run calls, and the session's creation from the file
// (graph optimization, weights packed), which tconv-run's compile time is
// to compare with.
"use strict";
const ort = require("onnxruntime-node");

async function main() {
  const [model, threads, calls] = process.argv.slice(2);
  const loadStart = process.hrtime.bigint();
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: Number(threads),
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const feeds = {};
  for (const name of session.inputNames) {
    const meta = session.inputMetadata.find((m) => m.name === name);
    const shape = meta.shape;
    const size = shape.reduce((a, b) => a * b, 1);
    const data = Float32Array.from({ length: size }, () => Math.random() * 2 - 1);
    feeds[name] = new ort.Tensor("float32", data, shape);
  }
  for (let i = 0; i < 2; ++i) await session.run(feeds);
  const times = [];
  for (let i = 0; i < Number(calls); ++i) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  console.log(JSON.stringify({ median_ms: median, load_ms: loadMs }));
}

main().catch((e) => {
  console.error(String(e));
  process.exit(1);
});
