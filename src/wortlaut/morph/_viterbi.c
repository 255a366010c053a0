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

/* HanTa's word analysis, two steps of wortlaut.morph.forward in C (the Python code is the reference).
 *
 * A segment's scores are its known morpheme pairs (a tuple of (tag, lp_m), the later pair of a tag
 * winning, as dict.update) over its open-class guess (a dict tag -> lp_m, or NULL): the merged
 * dict FastForward._segment builds, read without building it. */
typedef struct { PyObject *known; PyObject *guess; } Segment;

/* The segment's score of tag into *out: 1 found, 0 not, -1 error. */
static int segment_score(const Segment *segment, PyObject *tag, double *out) {
    PyObject *known = segment->known;
    for (Py_ssize_t k = PyTuple_GET_SIZE(known) - 1; k >= 0; k--) {
        PyObject *pair = PyTuple_GET_ITEM(known, k);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_SetString(PyExc_TypeError, "a known morpheme's scores are (tag, lp) pairs");
            return -1;
        }
        int same = PyObject_RichCompareBool(PyTuple_GET_ITEM(pair, 0), tag, Py_EQ);
        if (same < 0) return -1;
        if (same) {
            *out = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 1));
            return (*out == -1.0 && PyErr_Occurred()) ? -1 : 1;
        }
    }
    if (segment->guess == NULL) return 0;
    PyObject *found = PyDict_GetItemWithError(segment->guess, tag);
    if (!found) return PyErr_Occurred() ? -1 : 0;
    *out = PyFloat_AsDouble(found);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 1;
}

/* One segment after each live state (forward._extend_python): followers in their order, those the
 * segment has no score for skipped (the Python shortcut through ``where`` visits the same ones in the
 * same order), so new states enter target in the same order; (lp + lpt) + lp_m in doubles. */
static int extend_row(PyObject *target, PyObject *live, const Segment *segment) {
    for (Py_ssize_t s = 0; s < PyList_GET_SIZE(live); s++) {
        PyObject *state = PyList_GET_ITEM(live, s);
        if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) < 3) {
            PyErr_SetString(PyExc_TypeError, "a live state is (previous, lp, followers, where)");
            return -1;
        }
        PyObject *previous = PyTuple_GET_ITEM(state, 0);
        double lp = PyFloat_AsDouble(PyTuple_GET_ITEM(state, 1));
        if (lp == -1.0 && PyErr_Occurred()) return -1;
        PyObject *followers = PySequence_Fast(PyTuple_GET_ITEM(state, 2), "followers must be a sequence");
        if (!followers) return -1;
        Py_ssize_t count = PySequence_Fast_GET_SIZE(followers);
        for (Py_ssize_t f = 0; f < count; f++) {
            PyObject *pair = PySequence_Fast_GET_ITEM(followers, f);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                PyErr_SetString(PyExc_TypeError, "a follower is a (tag, lpt) pair");
                goto fail;
            }
            PyObject *tag = PyTuple_GET_ITEM(pair, 0);
            double lpm;
            int has = segment_score(segment, tag, &lpm);
            if (has < 0) goto fail;
            if (!has) continue;
            double lpt = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 1));
            if (lpt == -1.0 && PyErr_Occurred()) goto fail;
            double total = lp + lpt;
            total = total + lpm;
            if (!(total > LOWER_BOUND)) continue;
            PyObject *key = PyTuple_Pack(2, previous, tag);
            if (!key) goto fail;
            PyObject *old = PyDict_GetItemWithError(target, key);
            int better = 1;
            if (old) {
                double value = PyFloat_AsDouble(old);
                if (value == -1.0 && PyErr_Occurred()) { Py_DECREF(key); goto fail; }
                better = total > value;
            } else if (PyErr_Occurred()) {
                Py_DECREF(key);
                goto fail;
            }
            if (better) {
                PyObject *number = PyFloat_FromDouble(total);
                int failed = !number || PyDict_SetItem(target, key, number) < 0;
                Py_XDECREF(number);
                if (failed) { Py_DECREF(key); goto fail; }
            }
            Py_DECREF(key);
        }
        Py_DECREF(followers);
        continue;
    fail:
        Py_DECREF(followers);
        return -1;
    }
    return 0;
}

/* extend_segments(table, i, live, word, short, known, guess): forward.FastForward's inner loop over
 * the segment ends j = i+1..len(word): the segment word[i:j]'s known pairs (known.get(segment, ())),
 * its guess (guess(segment[-4:], min(len, 24), j - i == len(word)) when short or len > 2), and
 * extend_row into table[j] when it has any score. */
static PyObject *extend_segments(PyObject *module, PyObject *args) {
    PyObject *table, *live, *word, *known, *guess;
    Py_ssize_t i;
    int short_word;
    if (!PyArg_ParseTuple(args, "O!nO!UpO!O", &PyList_Type, &table, &i, &PyList_Type, &live, &word, &short_word,
                          &PyDict_Type, &known, &guess))
        return NULL;
    Py_ssize_t size = PyUnicode_GET_LENGTH(word);
    if (PyList_GET_SIZE(table) < size + 1 || i < 0 || i >= size) {
        PyErr_SetString(PyExc_ValueError, "extend_segments: the table needs a row per position");
        return NULL;
    }
    PyObject *empty = PyTuple_New(0);
    if (!empty) return NULL;
    for (Py_ssize_t j = i + 1; j <= size; j++) {
        PyObject *target = PyList_GET_ITEM(table, j);
        if (!PyDict_Check(target)) { PyErr_SetString(PyExc_TypeError, "table rows are dicts"); goto fail; }
        PyObject *morpheme = PyUnicode_Substring(word, i, j);
        if (!morpheme) goto fail;
        PyObject *pairs = PyDict_GetItemWithError(known, morpheme);
        if (!pairs && PyErr_Occurred()) { Py_DECREF(morpheme); goto fail; }
        if (!pairs) pairs = empty;
        if (!PyTuple_Check(pairs)) {
            PyErr_SetString(PyExc_TypeError, "a known morpheme's scores are a tuple");
            Py_DECREF(morpheme);
            goto fail;
        }
        Py_INCREF(pairs);
        Segment segment = {pairs, NULL};
        PyObject *guessed = NULL;
        Py_ssize_t length = j - i;
        if (short_word || length > 2) {
            PyObject *suffix = PyUnicode_Substring(morpheme, length > 4 ? length - 4 : 0, length);
            guessed = suffix ? PyObject_CallFunction(guess, "NnO", suffix, length < 24 ? length : 24,
                                                     length == size ? Py_True : Py_False) : NULL;
            if (!guessed || !PyDict_Check(guessed)) {
                if (guessed) PyErr_SetString(PyExc_TypeError, "a guess is a dict");
                Py_XDECREF(guessed); Py_DECREF(pairs); Py_DECREF(morpheme);
                goto fail;
            }
            segment.guess = guessed;
        }
        Py_DECREF(morpheme);
        int any = PyTuple_GET_SIZE(pairs) > 0 || (guessed && PyDict_GET_SIZE(guessed) > 0);
        int failed = any && extend_row(target, live, &segment) < 0;
        Py_XDECREF(guessed);
        Py_DECREF(pairs);
        if (failed) goto fail;
    }
    Py_DECREF(empty);
    Py_RETURN_NONE;
fail:
    Py_DECREF(empty);
    return NULL;
}

/* guess(suffix, size, whole_word, open_tags, open_base, suffixes, penalty): FastForward._guess (HanTa's
 * open-class guess for an unknown morpheme of size characters ending in suffix) as a new dict
 * tag -> lp_m.  For each open tag: lp_s is suffixes[tag][""] unless one of the suffix's last 4, 3, 2
 * or 1 characters (the first found, only cuts shorter than size) is in it; lp_m = open_base[tag][size]
 * + lp_s, minus penalty for a whole word: the Python code's sums in its order. */
static PyObject *guess(PyObject *module, PyObject *args) {
    PyObject *suffix, *tags, *bases, *suffixes;
    Py_ssize_t size;
    int whole;
    double penalty;
    if (!PyArg_ParseTuple(args, "UnpO!O!O!d", &suffix, &size, &whole, &PyTuple_Type, &tags, &PyTuple_Type, &bases,
                          &PyTuple_Type, &suffixes, &penalty))
        return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(tags);
    if (PyTuple_GET_SIZE(bases) != count || PyTuple_GET_SIZE(suffixes) != count) {
        PyErr_SetString(PyExc_ValueError, "guess: one base row and one suffix dict per open tag");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(suffix);
    PyObject *cuts[5] = {NULL, NULL, NULL, NULL, NULL}; /* cuts[c]: suffix[-c:], made when first needed */
    PyObject *result = PyDict_New(), *empty = PyUnicode_FromStringAndSize("", 0);
    if (!result || !empty) goto fail;
    for (Py_ssize_t t = 0; t < count; t++) {
        PyObject *table = PyTuple_GET_ITEM(suffixes, t);
        if (!PyDict_Check(table)) { PyErr_SetString(PyExc_TypeError, "guess: suffix tables are dicts"); goto fail; }
        PyObject *found = PyDict_GetItemWithError(table, empty); /* read first, as the Python code does */
        if (!found) {
            if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, empty);
            goto fail;
        }
        PyObject *fallback = found;
        found = NULL;
        for (int cut = 4; cut >= 1 && !found; cut--) {
            if (!(size > cut)) continue;
            if (!cuts[cut]) {
                cuts[cut] = PyUnicode_Substring(suffix, length > cut ? length - cut : 0, length);
                if (!cuts[cut]) goto fail;
            }
            found = PyDict_GetItemWithError(table, cuts[cut]);
            if (!found && PyErr_Occurred()) goto fail;
        }
        if (!found) found = fallback;
        double lp = PyFloat_AsDouble(found);
        if (lp == -1.0 && PyErr_Occurred()) goto fail;
        PyObject *base = PySequence_GetItem(PyTuple_GET_ITEM(bases, t), size);
        if (!base) goto fail;
        double value = PyFloat_AsDouble(base);
        Py_DECREF(base);
        if (value == -1.0 && PyErr_Occurred()) goto fail;
        value = value + lp;
        if (whole) value = value - penalty;
        PyObject *number = PyFloat_FromDouble(value);
        int failed = !number || PyDict_SetItem(result, PyTuple_GET_ITEM(tags, t), number) < 0;
        Py_XDECREF(number);
        if (failed) goto fail;
    }
    for (int c = 0; c < 5; c++) Py_XDECREF(cuts[c]);
    Py_DECREF(empty);
    return result;
fail:
    for (int c = 0; c < 5; c++) Py_XDECREF(cuts[c]);
    Py_XDECREF(empty);
    Py_XDECREF(result);
    return NULL;
}

/* extend(target, live, scores): forward._extend_python for one segment's merged scores dict. */
static PyObject *extend(PyObject *module, PyObject *args) {
    PyObject *target, *live, *scores;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyDict_Type, &target, &PyList_Type, &live, &PyDict_Type, &scores))
        return NULL;
    PyObject *empty = PyTuple_New(0);
    if (!empty) return NULL;
    Segment segment = {empty, scores};
    int failed = extend_row(target, live, &segment) < 0;
    Py_DECREF(empty);
    if (failed) return NULL;
    Py_RETURN_NONE;
}

/* Forward: the whole of FastForward.analyze in C on native tables (issue 17zj).
 *
 * The Python code (FastForward._table, _live_states, analyze) is the reference; this repeats it with
 * the same doubles in the same order.  Tags are ints in [lo, lo + width); a state (a, b) is the code
 * (a - lo) * width + (b - lo).  A table row keeps its states in insertion order (the dict's order),
 * with a small open-addressing hash from code to position.  A segment's scores are its open-class
 * guess (computed here, no memo: the guess is a pure function of the segment's last four letters,
 * length and place) with its known morpheme pairs over it (dict.update).  The ranking at the end is
 * numpy's logaddexp (npy_logaddexp: x == y gives x + ln 2, else the larger plus log1p(exp(-|x - y|)),
 * both from the C library numpy links) and a stable sort by descending value (sorted(reverse=True)). */
#define ROW_BEAM 3
#define LOGE2 0.693147180559945309417232121458176568

typedef struct { long code; double value; } FCell;
typedef struct { FCell *cells; long n, cap; long *keys; long *at; long hcap; } FRow;

typedef struct {
    PyObject_HEAD
    long lo, width;
    long *state_of;        /* code -> state id, or -1; width * width entries */
    long *nf_at, *fin_at;  /* per state, offsets into the follower arrays (nstates + 1); nf_at[s] < 0: none */
    long *nf_tag, *fin_tag;
    double *nf_lp, *fin_lp;
    long nstates;
    PyObject *known;       /* morpheme -> ((tag, lp), ...) */
    long nopen;
    long *open_tag;        /* tag - lo */
    double *open_base;     /* nopen * 25 */
    PyObject **suffixes;   /* nopen dicts suffix -> lp (owned) */
    double *suffix_empty;  /* suffixes[t][""] */
    double penalty;
} Forward;

static void frow_free(FRow *row) { free(row->cells); free(row->keys); free(row->at); }

static int frow_rehash(FRow *row, long hcap) {
    long *keys = malloc(hcap * sizeof(long)), *at = malloc(hcap * sizeof(long));
    if (!keys || !at) { free(keys); free(at); return -1; }
    for (long h = 0; h < hcap; h++) keys[h] = -1;
    for (long c = 0; c < row->n; c++) {
        long h = (row->cells[c].code * 2654435761UL) & (hcap - 1);
        while (keys[h] >= 0) h = (h + 1) & (hcap - 1);
        keys[h] = row->cells[c].code; at[h] = c;
    }
    free(row->keys); free(row->at);
    row->keys = keys; row->at = at; row->hcap = hcap;
    return 0;
}

/* Keep the best total per new state, new states appended (forward._extend_python's body). */
static int frow_offer(FRow *row, long code, double total) {
    if (!(total > LOWER_BOUND)) return 0;
    if (2 * (row->n + 1) > row->hcap && frow_rehash(row, row->hcap ? 2 * row->hcap : 64) < 0) return -1;
    long h = (code * 2654435761UL) & (row->hcap - 1);
    while (row->keys[h] >= 0) {
        if (row->keys[h] == code) {
            FCell *cell = &row->cells[row->at[h]];
            if (total > cell->value) cell->value = total;
            return 0;
        }
        h = (h + 1) & (row->hcap - 1);
    }
    if (row->n == row->cap) {
        long cap = row->cap ? 2 * row->cap : 32;
        FCell *grown = realloc(row->cells, cap * sizeof(FCell));
        if (!grown) return -1;
        row->cells = grown; row->cap = cap;
    }
    row->keys[h] = code; row->at[h] = row->n;
    row->cells[row->n].code = code; row->cells[row->n].value = total;
    row->n++;
    return 0;
}

static void Forward_dealloc(Forward *self) {
    free(self->state_of); free(self->nf_at); free(self->fin_at); free(self->nf_tag); free(self->fin_tag);
    free(self->nf_lp); free(self->fin_lp); free(self->open_tag); free(self->open_base); free(self->suffix_empty);
    if (self->suffixes) for (long t = 0; t < self->nopen; t++) Py_XDECREF(self->suffixes[t]);
    free(self->suffixes);
    Py_XDECREF(self->known);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Read a list of follower lists (or None) into offsets/tags/lps; tags checked against the range. */
static int read_followers(Forward *self, PyObject *lists, long **at_out, long **tag_out, double **lp_out) {
    long n = (long)PyList_GET_SIZE(lists), total = 0;
    for (long s = 0; s < n; s++) {
        PyObject *list = PyList_GET_ITEM(lists, s);
        if (list != Py_None) {
            if (!PyList_Check(list)) { PyErr_SetString(PyExc_TypeError, "Forward: followers are lists"); return -1; }
            total += (long)PyList_GET_SIZE(list);
        }
    }
    long *at = malloc((n + 1) * sizeof(long)), *tags = malloc((total + 1) * sizeof(long));
    double *lps = malloc((total + 1) * sizeof(double));
    *at_out = at; *tag_out = tags; *lp_out = lps;
    if (!at || !tags || !lps) { PyErr_NoMemory(); return -1; }
    long k = 0;
    for (long s = 0; s < n; s++) {
        PyObject *list = PyList_GET_ITEM(lists, s);
        at[s] = list == Py_None ? -1 : k;
        if (list == Py_None) continue;
        for (Py_ssize_t f = 0; f < PyList_GET_SIZE(list); f++) {
            PyObject *pair = PyList_GET_ITEM(list, f);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                PyErr_SetString(PyExc_TypeError, "Forward: a follower is a (tag, lpt) pair");
                return -1;
            }
            long tag = PyLong_AsLong(PyTuple_GET_ITEM(pair, 0)) - self->lo;
            lps[k] = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 1));
            if (PyErr_Occurred()) return -1;
            if (tag < 0 || tag >= self->width) { PyErr_SetString(PyExc_ValueError, "Forward: tag out of range"); return -1; }
            tags[k++] = tag;
        }
    }
    at[n] = k;
    return 0;
}

/* Forward(lo, width, states, nonfinal, final, known, open_tags, open_base, suffixes, penalty):
 * states a list of (a, b); nonfinal and final one list of (tag, lpt) per state, or None where the
 * state has none; known the morpheme index; open_base one row of 25 doubles per open tag. */
static int Forward_init(Forward *self, PyObject *args, PyObject *kwds) {
    PyObject *states, *nonfinal, *final, *known, *tags, *bases, *suffixes;
    long lo, width;
    double penalty;
    if (!PyArg_ParseTuple(args, "llO!O!O!O!O!O!O!d", &lo, &width, &PyList_Type, &states, &PyList_Type, &nonfinal,
                          &PyList_Type, &final, &PyDict_Type, &known, &PyTuple_Type, &tags, &PyTuple_Type, &bases,
                          &PyTuple_Type, &suffixes, &penalty))
        return -1;
    long n = (long)PyList_GET_SIZE(states), nopen = (long)PyTuple_GET_SIZE(tags);
    if (width < 1 || width > 4096 || PyList_GET_SIZE(nonfinal) != n || PyList_GET_SIZE(final) != n
        || PyTuple_GET_SIZE(bases) != nopen || PyTuple_GET_SIZE(suffixes) != nopen) {
        PyErr_SetString(PyExc_ValueError, "Forward: one follower list per state, one base row and suffix dict per open tag");
        return -1;
    }
    if (self->state_of) { PyErr_SetString(PyExc_RuntimeError, "Forward: already initialised"); return -1; }
    self->lo = lo; self->width = width; self->nstates = n; self->penalty = penalty;
    Py_INCREF(known); self->known = known;
    self->state_of = malloc(width * width * sizeof(long));
    self->nopen = nopen;
    self->open_tag = malloc((nopen + 1) * sizeof(long));
    self->open_base = malloc((nopen * 25 + 1) * sizeof(double));
    self->suffixes = calloc(nopen + 1, sizeof(PyObject *));
    self->suffix_empty = malloc((nopen + 1) * sizeof(double));
    if (!self->state_of || !self->open_tag || !self->open_base || !self->suffixes || !self->suffix_empty) {
        PyErr_NoMemory();
        return -1;
    }
    for (long c = 0; c < width * width; c++) self->state_of[c] = -1;
    for (long s = 0; s < n; s++) {
        PyObject *state = PyList_GET_ITEM(states, s);
        if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != 2) {
            PyErr_SetString(PyExc_TypeError, "Forward: a state is an (a, b) pair");
            return -1;
        }
        long a = PyLong_AsLong(PyTuple_GET_ITEM(state, 0)) - lo, b = PyLong_AsLong(PyTuple_GET_ITEM(state, 1)) - lo;
        if (PyErr_Occurred()) return -1;
        if (a < 0 || a >= width || b < 0 || b >= width) { PyErr_SetString(PyExc_ValueError, "Forward: tag out of range"); return -1; }
        self->state_of[a * width + b] = s;
    }
    if (read_followers(self, nonfinal, &self->nf_at, &self->nf_tag, &self->nf_lp) < 0) return -1;
    if (read_followers(self, final, &self->fin_at, &self->fin_tag, &self->fin_lp) < 0) return -1;
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    if (!empty) return -1;
    for (long t = 0; t < nopen; t++) {
        long tag = PyLong_AsLong(PyTuple_GET_ITEM(tags, t)) - lo;
        PyObject *row = PyTuple_GET_ITEM(bases, t), *table = PyTuple_GET_ITEM(suffixes, t);
        if (PyErr_Occurred() || tag < 0 || tag >= width || !PyDict_Check(table) || PySequence_Size(row) < 25) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "Forward: bad open tag, base row or suffix dict");
            Py_DECREF(empty);
            return -1;
        }
        self->open_tag[t] = tag;
        for (Py_ssize_t k = 0; k < 25; k++) {
            PyObject *item = PySequence_GetItem(row, k);
            self->open_base[t * 25 + k] = item ? PyFloat_AsDouble(item) : -1.0;
            Py_XDECREF(item);
            if (PyErr_Occurred()) { Py_DECREF(empty); return -1; }
        }
        PyObject *fallback = PyDict_GetItemWithError(table, empty);
        if (!fallback) {
            if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, empty);
            Py_DECREF(empty);
            return -1;
        }
        self->suffix_empty[t] = PyFloat_AsDouble(fallback);
        Py_INCREF(table); self->suffixes[t] = table;
        if (PyErr_Occurred()) { Py_DECREF(empty); return -1; }
    }
    Py_DECREF(empty);
    return 0;
}

/* Per end j: suffix[t * 5 + cut] is the suffix table's lp for word[j-cut:j] (cut 1..4), looked up
 * when first needed; state 0 unknown, 1 found, 2 absent. */
typedef struct { double *lp; char *state; PyObject **cuts; } SuffixMemo;

static int suffix_lp(Forward *self, PyObject *word, Py_ssize_t j, long t, long size5, SuffixMemo *memo, double *out) {
    for (long cut = 4; cut >= 1; cut--) {
        if (!(size5 > cut)) continue;
        long at = (j * self->nopen + t) * 5 + cut;
        if (memo->state[at] == 0) {
            PyObject **text = &memo->cuts[j * 5 + cut];
            if (!*text && !(*text = PyUnicode_Substring(word, j - cut, j))) return -1;
            PyObject *found = PyDict_GetItemWithError(self->suffixes[t], *text);
            if (!found && PyErr_Occurred()) return -1;
            memo->state[at] = found ? 1 : 2;
            if (found) {
                memo->lp[at] = PyFloat_AsDouble(found);
                if (memo->lp[at] == -1.0 && PyErr_Occurred()) return -1;
            }
        }
        if (memo->state[at] == 1) { *out = memo->lp[at]; return 0; }
    }
    *out = self->suffix_empty[t];
    return 0;
}

typedef struct { long b; double lp; long state; } Live;

/* FastForward._table and the end of analyze: fills rows[0 .. size + 1]. */
static int forward_table(Forward *self, PyObject *word, Py_ssize_t size, FRow *rows, double *scores, long *stamp,
                         SuffixMemo *memo) {
    long w = self->width, gen = 0;
    int shortw = size < 4;
    Live *live = NULL;
    double *sorted = NULL;
    long lcap = 0, scap = 0;
    int rc = -1;
    if (frow_offer(&rows[0], (0 - self->lo) * w + (1 - self->lo), 0.0) < 0) { PyErr_NoMemory(); goto done; }
    for (Py_ssize_t i = 0; i < size; i++) {
        FRow *row = &rows[i];
        if (row->n == 0) continue;
        double bound = LOWER_BOUND;
        if (row->n > ROW_BEAM) {
            if (row->n > scap) { scap = 2 * row->n; free(sorted); sorted = malloc(scap * sizeof(double)); }
            if (!sorted) { PyErr_NoMemory(); goto done; }
            for (long c = 0; c < row->n; c++) sorted[c] = row->cells[c].value;
            qsort(sorted, row->n, sizeof(double), descending);
            bound = sorted[ROW_BEAM] - 1;
        }
        if (row->n > lcap) { lcap = 2 * row->n; free(live); live = malloc(lcap * sizeof(Live)); }
        if (!live) { PyErr_NoMemory(); goto done; }
        long nlive = 0;
        for (long c = 0; c < row->n; c++) {
            if (!(row->cells[c].value >= bound)) continue;
            long s = self->state_of[row->cells[c].code];
            if (s < 0 || self->nf_at[s] < 0) continue;
            live[nlive].b = row->cells[c].code % w; live[nlive].lp = row->cells[c].value; live[nlive].state = s;
            nlive++;
        }
        if (!nlive) continue;
        for (Py_ssize_t j = i + 1; j <= size; j++) {
            Py_ssize_t length = j - i;
            gen++;
            int any = 0;
            if (shortw || length > 2) {
                long size5 = length < 5 ? (long)length : 5, size24 = length < 24 ? (long)length : 24;
                for (long t = 0; t < self->nopen; t++) {
                    double lp;
                    if (suffix_lp(self, word, j, t, size5, memo, &lp) < 0) goto done;
                    double value = self->open_base[t * 25 + size24] + lp;
                    if (length == size) value = value - self->penalty;
                    scores[self->open_tag[t]] = value; stamp[self->open_tag[t]] = gen;
                    any = 1;
                }
            }
            PyObject *morpheme = PyUnicode_Substring(word, i, j);
            if (!morpheme) goto done;
            PyObject *pairs = PyDict_GetItemWithError(self->known, morpheme);
            Py_DECREF(morpheme);
            if (!pairs && PyErr_Occurred()) goto done;
            if (pairs) {
                if (!PyTuple_Check(pairs)) { PyErr_SetString(PyExc_TypeError, "a known morpheme's scores are a tuple"); goto done; }
                for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(pairs); k++) {
                    PyObject *pair = PyTuple_GET_ITEM(pairs, k);
                    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                        PyErr_SetString(PyExc_TypeError, "a known morpheme's scores are (tag, lp) pairs");
                        goto done;
                    }
                    long tag = PyLong_AsLong(PyTuple_GET_ITEM(pair, 0)) - self->lo;
                    double lp = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 1));
                    if (PyErr_Occurred()) goto done;
                    if (tag < 0 || tag >= w) { PyErr_SetString(PyExc_ValueError, "Forward: tag out of range"); goto done; }
                    scores[tag] = lp; stamp[tag] = gen;
                    any = 1;
                }
            }
            if (!any) continue;
            FRow *target = &rows[j];
            for (long s = 0; s < nlive; s++) {
                long st = live[s].state, b = live[s].b;
                double lp = live[s].lp;
                for (long f = self->nf_at[st]; f < self->nf_at[st + 1]; f++) {
                    long tag = self->nf_tag[f];
                    if (stamp[tag] != gen) continue;
                    double total = lp + self->nf_lp[f];
                    total = total + scores[tag];
                    if (frow_offer(target, b * w + tag, total) < 0) { PyErr_NoMemory(); goto done; }
                }
            }
        }
    }
    FRow *last = &rows[size], *out = &rows[size + 1];
    for (long c = 0; c < last->n; c++) {
        long s = self->state_of[last->cells[c].code];
        if (s < 0 || self->fin_at[s] < 0) continue;
        long b = last->cells[c].code % w;
        for (long f = self->fin_at[s]; f < self->fin_at[s + 1]; f++) {
            double total = last->cells[c].value + self->fin_lp[f];
            if (frow_offer(out, b * w + self->fin_tag[f], total) < 0) { PyErr_NoMemory(); goto done; }
        }
    }
    rc = 0;
done:
    free(live); free(sorted);
    return rc;
}

static double np_logaddexp(double x, double y) {
    if (x == y) return x + LOGE2;
    double tmp = x - y;
    if (tmp > 0) return x + log1p(exp(-tmp));
    if (tmp <= 0) return y + log1p(exp(tmp));
    return tmp;
}

/* analyze(word) -> [(tag, lp), ...] best first, or [] where FastForward.analyze answers [(UNKNOWN, 0)]. */
static PyObject *Forward_analyze(Forward *self, PyObject *word) {
    if (!PyUnicode_Check(word)) return fail(PyExc_TypeError, "analyze: a str");
    if (!self->state_of) return fail(PyExc_RuntimeError, "analyze: Forward not initialised");
    Py_ssize_t size = PyUnicode_GET_LENGTH(word);
    long w = self->width;
    PyObject *result = NULL;
    FRow *rows = calloc(size + 2, sizeof(FRow));
    double *scores = malloc(w * sizeof(double)), *memo_lp = malloc((size + 1) * self->nopen * 5 * sizeof(double) + 8);
    long *stamp = calloc(w, sizeof(long));
    char *memo_state = calloc((size + 1) * self->nopen * 5 + 1, 1);
    PyObject **cuts = calloc((size + 1) * 5 + 1, sizeof(PyObject *));
    long *pos = NULL; double *val = NULL;
    if (!rows || !scores || !memo_lp || !stamp || !memo_state || !cuts) { PyErr_NoMemory(); goto done; }
    SuffixMemo memo = {memo_lp, memo_state, cuts};
    if (forward_table(self, word, size, rows, scores, stamp, &memo) < 0) goto done;
    FRow *out = &rows[size + 1];
    pos = malloc((out->n + 1) * sizeof(long)); val = malloc((out->n + 1) * sizeof(double));
    if (!pos || !val) { PyErr_NoMemory(); goto done; }
    long n = 0;
    for (long c = 0; c < out->n; c++) {
        double lp = out->cells[c].value;
        if (lp == -INFINITY) continue;
        long p = -((out->cells[c].code % w) + self->lo), k = 0;
        while (k < n && pos[k] != p) k++;
        if (k < n) val[k] = np_logaddexp(val[k], lp);
        else { pos[n] = p; val[n] = lp; n++; }
    }
    for (long k = 1; k < n; k++) {                      /* stable, descending */
        long p = pos[k]; double v = val[k]; long m = k;
        while (m > 0 && val[m - 1] < v) { pos[m] = pos[m - 1]; val[m] = val[m - 1]; m--; }
        pos[m] = p; val[m] = v;
    }
    result = PyList_New(n);
    if (!result) goto done;
    for (long k = 0; k < n; k++) {
        PyObject *pair = Py_BuildValue("(ld)", pos[k], val[k]);
        if (!pair) { Py_CLEAR(result); goto done; }
        PyList_SET_ITEM(result, k, pair);
    }
done:
    if (rows) for (Py_ssize_t r = 0; r < size + 2; r++) frow_free(&rows[r]);
    if (cuts) for (Py_ssize_t c = 0; c < (size + 1) * 5; c++) Py_XDECREF(cuts[c]);
    free(rows); free(scores); free(memo_lp); free(stamp); free(memo_state); free(cuts); free(pos); free(val);
    return result;
}

static PyMethodDef Forward_methods[] = {
    {"analyze", (PyCFunction)Forward_analyze, METH_O, "FastForward.analyze's ranking ([] for nothing found)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ForwardType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wortlaut.morph._viterbi.Forward",
    .tp_basicsize = sizeof(Forward),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "HanTa's word analysis (FastForward.analyze) on native tables.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Forward_init,
    .tp_dealloc = (destructor)Forward_dealloc,
    .tp_methods = Forward_methods,
};

static PyMethodDef module_methods[] = {
    {"extend", extend, METH_VARARGS, "One segment after each live state of HanTa's forward table."},
    {"extend_segments", extend_segments, METH_VARARGS, "Every segment from position i on (see the comment)."},
    {"guess", guess, METH_VARARGS, "HanTa's open-class guess for an unknown morpheme (see the comment)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_viterbi", "Compiled sentence Viterbi.", -1, module_methods};

PyMODINIT_FUNC PyInit__viterbi(void) {
    if (PyType_Ready(&ModelType) < 0 || PyType_Ready(&ForwardType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&ModelType);
    if (PyModule_AddObject(m, "Model", (PyObject *)&ModelType) < 0) {
        Py_DECREF(&ModelType); Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&ForwardType);
    if (PyModule_AddObject(m, "Forward", (PyObject *)&ForwardType) < 0) {
        Py_DECREF(&ForwardType); Py_DECREF(m);
        return NULL;
    }
    return m;
}
