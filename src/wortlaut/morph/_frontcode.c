/* simplemma's front-coded dictionary stream decoded in C: the same records, keys and values as
 * simplemma.strategies.dictionaries.frontcode._iter_records (simplemma 2.x, format SMFC1), which
 * decodes them in Python (~0.8 CPU s for German's 1.1M records, before every ingest's fork).
 *
 * decode(data, pos) -> dict[bytes, bytes] of the records from byte offset pos (just after the
 * header) to the end, keys and values as stored (the caller un-reverses a reversed stream).
 * Each record: varint shared, varint suffix length, suffix; a trim byte (254: the previous value,
 * 255: a literal value, else the key minus trim bytes at its end), then varint length and bytes.
 * A slice or varint running past the buffer raises ValueError, as the Python decoder does.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define SAME_AS_PREV 254
#define LITERAL_VALUE 255
#define CORRUPT "truncated or corrupt front-coded stream"

static int varint(const unsigned char *d, Py_ssize_t n, Py_ssize_t *pos, Py_ssize_t *out) {
    Py_ssize_t result = 0;
    int shift = 0;
    while (*pos < n && shift < 63) {
        unsigned char byte = d[(*pos)++];
        result |= (Py_ssize_t)(byte & 0x7F) << shift;
        if (!(byte & 0x80)) { *out = result; return 0; }
        shift += 7;
    }
    return -1;
}

/* head[:keep] + tail as Python builds it: the head itself when nothing is added to all of it, the
 * tail's bytes (the shared empty and one-byte objects) when nothing is kept, so that the objects
 * and hence the memory are Python's (a lemma equal to its form is the form's object). */
static PyObject *joined(PyObject *head, Py_ssize_t keep, const unsigned char *tail, Py_ssize_t len) {
    if (len == 0 && keep == PyBytes_GET_SIZE(head)) { Py_INCREF(head); return head; }
    if (keep == 0) return PyBytes_FromStringAndSize((const char *)tail, len);
    if (len == 0) return PyBytes_FromStringAndSize(PyBytes_AS_STRING(head), keep);
    PyObject *b = PyBytes_FromStringAndSize(NULL, keep + len);
    if (!b) return NULL;
    char *s = PyBytes_AS_STRING(b);
    memcpy(s, PyBytes_AS_STRING(head), keep);
    memcpy(s + keep, tail, len);
    return b;
}

static PyObject *decode(PyObject *Py_UNUSED(self), PyObject *args) {
    Py_buffer view;
    Py_ssize_t pos;
    if (!PyArg_ParseTuple(args, "y*n", &view, &pos)) return NULL;
    const unsigned char *d = view.buf;
    Py_ssize_t n = view.len;
    if (pos < 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "pos must not be negative");
        return NULL;
    }
    PyObject *out = PyDict_New();
    PyObject *key = PyBytes_FromStringAndSize(NULL, 0), *value = NULL;
    if (!out || !key) goto fail;
    value = key; Py_INCREF(value);
    while (pos < n) {
        Py_ssize_t shared, suflen, vlen;
        if (varint(d, n, &pos, &shared) || varint(d, n, &pos, &suflen)) goto corrupt;
        if (pos + suflen > n) goto corrupt;
        if (shared > PyBytes_GET_SIZE(key)) shared = PyBytes_GET_SIZE(key); /* Python's slice clips */
        PyObject *k = joined(key, shared, d + pos, suflen);
        if (!k) goto fail;
        Py_SETREF(key, k);
        pos += suflen;
        if (pos >= n) goto corrupt;
        unsigned char trim = d[pos++];
        if (trim != SAME_AS_PREV) {
            if (varint(d, n, &pos, &vlen) || pos + vlen > n) goto corrupt;
            Py_ssize_t size = PyBytes_GET_SIZE(key), keep = trim == LITERAL_VALUE ? 0 : size - trim;
            if (keep < 0) keep = keep + size < 0 ? 0 : keep + size; /* Python's key[:negative] */
            PyObject *v = joined(key, keep, d + pos, vlen);
            if (!v) goto fail;
            Py_SETREF(value, v);
            pos += vlen;
        }
        if (PyDict_SetItem(out, key, value) < 0) goto fail;
    }
    Py_DECREF(key); Py_DECREF(value);
    PyBuffer_Release(&view);
    return out;
corrupt:
    PyErr_SetString(PyExc_ValueError, CORRUPT);
fail:
    Py_XDECREF(key); Py_XDECREF(value); Py_XDECREF(out);
    PyBuffer_Release(&view);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"decode", decode, METH_VARARGS, "The records of a front-coded stream from pos on, as a dict (see the comment)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_frontcode", "Compiled front-code decoder.", -1, module_methods};

PyMODINIT_FUNC PyInit__frontcode(void) { return PyModule_Create(&module); }
