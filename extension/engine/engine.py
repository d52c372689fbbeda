# Runs inside the sandboxed page on PyScript's MicroPython: imports the salesy package
# (unpacked from salesy.zip) and hands JavaScript one function that answers a request.
import json

from pyscript import window

try:
    from salesy.protocol import handle
except Exception as error:  # the host must hear why the engine is down
    window.salesyEngineFailed("Salesy's engine failed to load: " + repr(error))
    raise


def answer(request_json):
    # JSON strings cross the boundary: no proxies to leak, same shape on every interpreter.
    try:
        return json.dumps(handle(json.loads(request_json)))
    except Exception as error:  # a request that is not even JSON
        return json.dumps({"ok": False, "error": "Bad engine request: " + repr(error)})


window.salesyEngineReady(answer)
