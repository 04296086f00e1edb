"""Baseline "fastapi": the v2 infer route as a Python team would write it.

FastAPI with a pydantic request model, Python onnxruntime with default session options, numpy arrays,
one `sess.run` per request, served by uvicorn (uvloop and httptools, as `uvicorn[standard]` installs).
The handler is a plain `def`, as FastAPI's docs advise for blocking calls: it runs in the thread pool.

    uvicorn --app-dir scripts/bench/serve fastapi_server:app --port PORT --workers N --no-access-log

MODEL_PATH names the ONNX file. ORT_INTRA_OP_THREADS, if set, replaces onnxruntime's default thread
count (one per physical core, spinning between runs); the benchmark sets it to 1 with --workers 2.
"""

import os
from typing import Any, List, Optional

import numpy as np
import onnxruntime as ort
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

MODEL_NAME = "fuel-efficiency"
MODEL_VERSION = "fastapi"
DTYPES = {"FP32": np.float32, "FP64": np.float64, "INT64": np.int64, "BYTES": object}

options = ort.SessionOptions()
# Left at onnxruntime's default unless set: a thread per physical core, spinning between runs.
if os.environ.get("ORT_INTRA_OP_THREADS"):
    options.intra_op_num_threads = int(os.environ["ORT_INTRA_OP_THREADS"])
sess = ort.InferenceSession(os.environ["MODEL_PATH"], options, providers=["CPUExecutionProvider"])
app = FastAPI()


class RequestInput(BaseModel):
    name: str
    shape: List[int]
    datatype: str
    data: List[Any]


class InferenceRequest(BaseModel):
    id: Optional[str] = None
    inputs: List[RequestInput]


@app.get("/v2/health/ready")
def ready():
    return {"ready": True}


@app.post("/v2/models/{model_name}/infer")
def infer(model_name: str, request: InferenceRequest):
    if model_name != MODEL_NAME:
        raise HTTPException(status_code=404, detail=f"unknown model {model_name}")
    feeds = {}
    for item in request.inputs:
        if item.datatype not in DTYPES:
            raise HTTPException(status_code=400, detail=f"unsupported datatype {item.datatype}")
        feeds[item.name] = np.array(item.data, dtype=DTYPES[item.datatype]).reshape(item.shape)
    names = [output.name for output in sess.get_outputs()]
    results = sess.run(names, feeds)
    response = {
        "model_name": MODEL_NAME,
        "model_version": MODEL_VERSION,
        "outputs": [
            {"name": name, "shape": list(value.shape), "datatype": "FP32", "data": value.ravel().tolist()}
            for name, value in zip(names, results)
        ],
    }
    if request.id is not None:
        response["id"] = request.id
    return response
