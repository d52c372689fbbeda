# Runs inside the sandboxed page on PyScript's MicroPython: imports the salesy package
# (unpacked from salesy.zip) and hands JavaScript one function that answers a request.
# JSON strings cross the boundary: no proxies to leak, same shape on every interpreter.
from pyscript import window

try:
    from salesy.protocol import answer
except Exception as error:  # the host must hear why the engine is down
    window.salesyEngineFailed("Salesy's engine failed to load: " + repr(error))
    raise


window.salesyEngineReady(answer)
