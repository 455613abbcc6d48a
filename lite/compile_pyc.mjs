// Compile a folder's Python modules to bytecode with the site's own Pyodide (run by build.py).
// Usage: node lite/compile_pyc.mjs PYODIDE_DIR FOLDER
// The .pyc files are unchecked-hash ones: a browser unpacks wheels without their timestamps.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, folder] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
pyodide.FS.mkdir("/wheel");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: folder }, "/wheel");
pyodide.runPython(`
import compileall, py_compile, sys
mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
if not compileall.compile_dir("/wheel", quiet=1, invalidation_mode=mode):
    sys.exit("compileall failed")
`);
