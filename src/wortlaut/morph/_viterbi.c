/* HanTa's second-order sentence Viterbi in C: the same arithmetic and order as
 * wortlaut.morph.viterbi.SentenceViterbi.best_python, so the same tags, ties included.
 *
 * Model(transitions, width, followers_order, end) holds the transition table:
 *   states: an int per state a*width+b (index = position in the tables below);
 *   trans:  for each state, width doubles (NaN = no such transition);
 *   order:  for each state, its followers other than END in the dict's order (for unknown words).
 * Model.best(list of dicts tag -> log p) returns the list of tag ids.
 * Doubles are added in the Python code's order (lp0 + (lpt + lp)); no fast-math.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BEAM 5
#define LOWER_BOUND (-1e6)
#define NEW_STATE (-1e18)
#define START_STATE 1 /* EMPTY * width + START */

typedef struct {
    PyObject_HEAD
    long width;
    long nstates;
    long *index;      /* state (a*width+b) -> table row, or -1; width*width entries */
    double *trans;    /* nstates * width */
    double *end;      /* nstates */
    long *order_at;   /* nstates + 1 offsets into order */
    long *order;      /* follower tags without END, dict order */
} Model;

typedef struct { long state; double value; long from; } Cell;

typedef struct { Cell *cells; long size, cap; } Cells;

static int push(Cells *c, long state, double value, long from) {
    if (c->size == c->cap) {
        long cap = c->cap ? 2 * c->cap : 256;
        Cell *grown = realloc(c->cells, cap * sizeof(Cell));
        if (!grown) return -1;
        c->cells = grown; c->cap = cap;
    }
    c->cells[c->size].state = state; c->cells[c->size].value = value; c->cells[c->size].from = from;
    c->size++;
    return 0;
}

static int descending(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a < b) - (a > b);
}

static void Model_dealloc(Model *self) {
    free(self->index); free(self->trans); free(self->end); free(self->order_at); free(self->order);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Model(states: list[int], trans: list[list[float|None]], order: list[list[int]], end: list[float], width) */
static int Model_init(Model *self, PyObject *args, PyObject *kwds) {
    PyObject *states, *trans, *order, *end;
    long width;
    if (!PyArg_ParseTuple(args, "O!O!O!O!l", &PyList_Type, &states, &PyList_Type, &trans, &PyList_Type,
                          &order, &PyList_Type, &end, &width))
        return -1;
    long n = (long)PyList_GET_SIZE(states);
    if (PyList_GET_SIZE(trans) != n || PyList_GET_SIZE(order) != n || PyList_GET_SIZE(end) != n || width < 3) {
        PyErr_SetString(PyExc_ValueError, "Model: states, trans, order and end must have one entry per state");
        return -1;
    }
    self->width = width; self->nstates = n;
    self->index = malloc(width * width * sizeof(long));
    self->trans = malloc(n * width * sizeof(double));
    self->end = malloc(n * sizeof(double));
    self->order_at = malloc((n + 1) * sizeof(long));
    long total = 0;
    for (long i = 0; i < n; i++) total += (long)PyList_Size(PyList_GET_ITEM(order, i));
    self->order = malloc((total + 1) * sizeof(long));
    if (!self->index || !self->trans || !self->end || !self->order_at || !self->order) {
        PyErr_NoMemory();
        return -1;
    }
    for (long i = 0; i < width * width; i++) self->index[i] = -1;
    long at = 0;
    for (long i = 0; i < n; i++) {
        long state = PyLong_AsLong(PyList_GET_ITEM(states, i));
        PyObject *row = PyList_GET_ITEM(trans, i), *tags = PyList_GET_ITEM(order, i);
        if (state < 0 || state >= width * width || !PyList_Check(row) || PyList_GET_SIZE(row) != width
            || !PyList_Check(tags)) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "Model: bad state or table row");
            return -1;
        }
        self->index[state] = i;
        for (long t = 0; t < width; t++) {
            PyObject *cell = PyList_GET_ITEM(row, t);
            self->trans[i * width + t] = cell == Py_None ? NAN : PyFloat_AsDouble(cell);
        }
        self->end[i] = PyFloat_AsDouble(PyList_GET_ITEM(end, i));
        self->order_at[i] = at;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(tags); k++)
            self->order[at++] = PyLong_AsLong(PyList_GET_ITEM(tags, k));
    }
    self->order_at[n] = at;
    return PyErr_Occurred() ? -1 : 0;
}

/* Add total for (base + tag) coming from state `from`, as the Python loop does. */
static int offer(Cells *row, long *slot, long new, double total, long from) {
    if (!(total > LOWER_BOUND)) return 0;
    long where = slot[new];
    if (where < 0) {
        slot[new] = row->size;
        return push(row, new, total, from);
    }
    if (total > row->cells[where].value) {
        row->cells[where].value = total;
        row->cells[where].from = from;
    }
    return 0;
}

static PyObject *fail(PyObject *err, const char *msg) {
    if (!PyErr_Occurred()) PyErr_SetString(err, msg);
    return NULL;
}

static PyObject *Model_best(Model *self, PyObject *words) {
    if (!PyList_Check(words)) return fail(PyExc_TypeError, "best: a list of dicts");
    long n = (long)PyList_GET_SIZE(words), w = self->width;
    PyObject *result = NULL;
    Cells pool = {0};                                   /* every row's cells, one after the other */
    long *row_at = malloc((n + 2) * sizeof(long));      /* row i is pool[row_at[i] .. row_at[i+1]) */
    long *slot = malloc(w * w * sizeof(long));
    long *ptags = NULL; double *plps = NULL, *sorted = NULL;
    long pcap = 0, scap = 0;
    if (!row_at || !slot) { PyErr_NoMemory(); goto done; }
    for (long i = 0; i < w * w; i++) slot[i] = -1;
    if (push(&pool, START_STATE, 0.0, -1) < 0) { PyErr_NoMemory(); goto done; }
    row_at[0] = 0; row_at[1] = 1;                       /* row 0: the start state */
    for (long i = 0; i < n; i++) {
        PyObject *probs = PyList_GET_ITEM(words, i);
        if (!PyDict_Check(probs)) { fail(PyExc_TypeError, "best: a list of dicts"); goto done; }
        long np = (long)PyDict_GET_SIZE(probs);
        if (np > pcap) {
            pcap = np * 2;
            free(ptags); free(plps);
            ptags = malloc(pcap * sizeof(long)); plps = malloc(pcap * sizeof(double));
            if (!ptags || !plps) { PyErr_NoMemory(); goto done; }
        }
        Py_ssize_t pos = 0; PyObject *key, *value; long k = 0;
        while (PyDict_Next(probs, &pos, &key, &value)) {
            ptags[k] = PyLong_AsLong(key); plps[k] = PyFloat_AsDouble(value);
            if (PyErr_Occurred()) goto done;
            if (ptags[k] < 0 || ptags[k] >= w) { fail(PyExc_ValueError, "best: tag out of range"); goto done; }
            k++;
        }
        long first = row_at[i], count = row_at[i + 1] - first;
        double bound = LOWER_BOUND;
        if (count > BEAM) {
            if (count > scap) { scap = count * 2; free(sorted); sorted = malloc(scap * sizeof(double)); }
            if (!sorted) { PyErr_NoMemory(); goto done; }
            for (long c = 0; c < count; c++) sorted[c] = pool.cells[first + c].value;
            qsort(sorted, count, sizeof(double), descending);
            bound = sorted[BEAM] - 1;
        }
        long start = pool.size;
        for (int round = 0; round < 2; round++) {
            for (long c = 0; c < count; c++) {
                Cell prev = pool.cells[first + c];     /* copy: push may move the pool */
                if (prev.value < bound) continue;
                long at = self->index[prev.state];
                if (at < 0) { fail(PyExc_KeyError, "best: state without transitions"); goto done; }
                long base = (prev.state % w) * w;
                const double *trans = self->trans + at * w;
                if (np) {
                    for (long q = 0; q < np; q++) {
                        double lpt = trans[ptags[q]];
                        if (isnan(lpt)) continue;
                        double lp = lpt + plps[q];
                        if (offer(&pool, slot, base + ptags[q], prev.value + lp, prev.state) < 0) {
                            PyErr_NoMemory(); goto done;
                        }
                    }
                } else {
                    for (long q = self->order_at[at]; q < self->order_at[at + 1]; q++) {
                        long tag = self->order[q];
                        if (offer(&pool, slot, base + tag, prev.value + trans[tag], prev.state) < 0) {
                            PyErr_NoMemory(); goto done;
                        }
                    }
                }
            }
            if (pool.size > start || !np) break;
            np = 0;                                    /* nothing allowed: let any tag through */
        }
        for (long c = start; c < pool.size; c++) slot[pool.cells[c].state] = -1;
        row_at[i + 2] = pool.size;
    }
    long first = row_at[n], count = row_at[n + 1] - first;
    if (count == 0) { fail(PyExc_ValueError, "best: no tag sequence within the bound"); goto done; }
    long best = -1; double top = 0;
    for (long c = 0; c < count; c++) {
        Cell cell = pool.cells[first + c];
        long at = self->index[cell.state];
        if (at < 0) { fail(PyExc_KeyError, "best: state without transitions"); goto done; }
        double score = cell.value + self->end[at];
        if (best < 0 || score > top) { best = first + c; top = score; }
    }
    result = PyList_New(n);
    if (!result) goto done;
    long state = pool.cells[best].state, from = pool.cells[best].from;
    for (long i = n - 1; i >= 0; i--) {
        PyList_SET_ITEM(result, i, PyLong_FromLong(state % w));
        if (i == 0) break;
        long c = row_at[i];                             /* find `from` among row i's cells */
        while (c < row_at[i + 1] && pool.cells[c].state != from) c++;
        state = from; from = pool.cells[c].from;
    }
done:
    free(pool.cells); free(row_at); free(slot); free(ptags); free(plps); free(sorted);
    return result;
}

static PyMethodDef Model_methods[] = {
    {"best", (PyCFunction)Model_best, METH_O, "Tag ids for a sentence, given each word's {tag: log p} ({}: any)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ModelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wortlaut.morph._viterbi.Model",
    .tp_basicsize = sizeof(Model),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "HanTa's transition model for the compiled sentence Viterbi.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Model_init,
    .tp_dealloc = (destructor)Model_dealloc,
    .tp_methods = Model_methods,
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_viterbi", "Compiled sentence Viterbi.", -1, NULL};

PyMODINIT_FUNC PyInit__viterbi(void) {
    if (PyType_Ready(&ModelType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&ModelType);
    if (PyModule_AddObject(m, "Model", (PyObject *)&ModelType) < 0) {
        Py_DECREF(&ModelType); Py_DECREF(m);
        return NULL;
    }
    return m;
}
