# Runs inside the sandboxed page on PyScript's MicroPython: imports the salesy package
# (unpacked from salesy.zip) and hands JavaScript one function that answers a request.
# JSON strings cross the boundary: no proxies to leak, same shape on every interpreter.
import gc
import json

from pyscript import window

# PyScript has booted MicroPython and runs this file: the start-up split's second stage.
_pyscript_ready = window.performance.now()

# PyScript's MicroPython collects once 16 KiB have been allocated, and every check allocates
# more than that, so each answer ended with a full mark-and-sweep of the whole heap (a third
# of a 280-character check). Collect after this much instead, and when the engine is idle
# (sandbox.js): the heap stays within about this much of what salesy itself holds. The value
# comes from the sweep in bench/ ("GC threshold" rows): check time against engine memory.
GC_THRESHOLD = 4 * 1024 * 1024

try:
    from salesy.protocol import answer
except Exception as error:  # the host must hear why the engine is down
    window.salesyEngineFailed("Salesy's engine failed to load: " + repr(error))
    raise

# The most the heap held at the end of a request since the last reset: what the threshold
# costs in memory (a collection runs when the call from JavaScript returns).
_peak = 0


def answer_tracked(request_json, config_json=""):
    global _peak
    out = answer(request_json, config_json)
    _peak = max(_peak, gc.mem_alloc())
    return out


def heap(command="", threshold=0):
    """The heap's state as JSON; "collect" collects (it runs when this call returns), "reset"
    starts the peak afresh, a threshold > 0 replaces the collection threshold (bench/ only)."""
    global _peak
    if command == "collect":
        gc.collect()
    elif command == "reset":
        _peak = gc.mem_alloc()
    if threshold > 0:
        gc.threshold(threshold)
    used = gc.mem_alloc()
    return json.dumps(
        {"used": used, "peak": max(_peak, used), "free": gc.mem_free(), "threshold": gc.threshold()}
    )


gc.collect()
gc.threshold(GC_THRESHOLD)
window.salesyEngineReady(answer_tracked, heap, _pyscript_ready, window.performance.now())
