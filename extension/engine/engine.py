# Runs inside the sandboxed page on PyScript's MicroPython: imports the salesy package
# (unpacked from salesy.zip) and hands JavaScript one function that answers a check.
import json

from pyscript import window

try:
    import salesy
except Exception as error:  # the host must hear why the engine is down
    window.salesyEngineFailed("Salesy's engine failed to load: " + repr(error))
    raise


def check(text, config_json):
    # JSON strings cross the boundary: no proxies to leak, same shape on every interpreter.
    try:
        config = json.loads(config_json) if config_json else None
        return json.dumps(salesy.check(text, config))
    except Exception as error:  # one bad draft must not take the engine down
        return json.dumps({"error": "The engine failed on this draft: " + repr(error)})


window.salesyEngineReady(check)
