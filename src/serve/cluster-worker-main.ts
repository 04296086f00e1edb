// The program `mlops serve --workers N` forks N times (cluster.ts sets it as the workers' exec).
import { runClusterWorker } from "./cluster-worker.js";

runClusterWorker();
