/* Slotted records built in C (issue 17zj): wortlaut._records.Maker.
 *
 * Maker(cls, members, defaults) is a callable that makes an instance of cls the way
 * ``object.__new__(cls)`` followed by one slot-descriptor ``__set__`` per member does: the type's own
 * allocator (zero-filled, tracked by the garbage collector as object.__new__ leaves it), then a new
 * reference to each value stored in its slot.  members are cls's own member descriptors (the
 * ``__slots__`` entries, object slots); defaults fill the last members when fewer positional values
 * are given.  The tokens, morphology and quotation stages build ~1,300 records per article this way
 * (wortlaut/tokens/records.py and wortlaut/quotes/text.py check each record's layout first and keep
 * the Python path without this module).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#define MAX_MEMBERS 32

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyTypeObject *cls;
    PyObject *defaults;
    Py_ssize_t count;
    Py_ssize_t offsets[MAX_MEMBERS];
} Maker;

static PyObject *Maker_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    Maker *self = (Maker *)callable;
    Py_ssize_t given = PyVectorcall_NARGS(nargsf);
    Py_ssize_t fewest = self->count - PyTuple_GET_SIZE(self->defaults);
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        PyErr_SetString(PyExc_TypeError, "Maker: positional values only");
        return NULL;
    }
    if (given < fewest || given > self->count) {
        PyErr_Format(PyExc_TypeError, "Maker: %zd to %zd values, got %zd", fewest, self->count, given);
        return NULL;
    }
    PyObject *made = self->cls->tp_alloc(self->cls, 0);
    if (!made) return NULL;
    for (Py_ssize_t k = 0; k < self->count; k++) {
        PyObject *value = k < given ? args[k] : PyTuple_GET_ITEM(self->defaults, k - fewest);
        PyObject **slot = (PyObject **)((char *)made + self->offsets[k]);
        Py_INCREF(value);
        *slot = value;
    }
    return made;
}

static int Maker_traverse(Maker *self, visitproc visit, void *arg) {
    Py_VISIT(self->cls);
    Py_VISIT(self->defaults);
    return 0;
}

static int Maker_clear(Maker *self) {
    Py_CLEAR(self->cls);
    Py_CLEAR(self->defaults);
    return 0;
}

static void Maker_dealloc(Maker *self) {
    PyObject_GC_UnTrack(self);
    Maker_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject MakerType;

/* Maker(cls, members, defaults): members must be cls's own object slots (T_OBJECT_EX member descriptors). */
static PyObject *Maker_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    PyObject *cls, *members, *defaults;
    if (kwds && PyDict_GET_SIZE(kwds)) {
        PyErr_SetString(PyExc_TypeError, "Maker(cls, members, defaults): positional arguments only");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyType_Type, &cls, &PyTuple_Type, &members, &PyTuple_Type, &defaults))
        return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(members);
    if (count > MAX_MEMBERS || PyTuple_GET_SIZE(defaults) > count) {
        PyErr_SetString(PyExc_ValueError, "Maker: at most 32 members, no more defaults than members");
        return NULL;
    }
    PyTypeObject *klass = (PyTypeObject *)cls;
    /* object.__new__(cls) is valid for such a class: a Python class straight on object, without a
     * __new__ of its own (no C base whose state tp_alloc would leave unset) */
    if (!(klass->tp_flags & Py_TPFLAGS_HEAPTYPE) || klass->tp_base != &PyBaseObject_Type
        || klass->tp_new != PyBaseObject_Type.tp_new || klass->tp_alloc == NULL || klass->tp_itemsize != 0) {
        PyErr_SetString(PyExc_TypeError, "Maker: the class must be a Python class on object, without __new__");
        return NULL;
    }
    Maker *self = (Maker *)type->tp_alloc(type, 0);
    if (!self) return NULL;
    self->vectorcall = Maker_vectorcall;
    Py_INCREF(cls); self->cls = klass;
    Py_INCREF(defaults); self->defaults = defaults;
    self->count = count;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *member = PyTuple_GET_ITEM(members, k);
        if (Py_TYPE(member) != &PyMemberDescr_Type || PyDescr_TYPE(member) != klass) {
            PyErr_SetString(PyExc_TypeError, "Maker: members must be the class's own slot descriptors");
            Py_DECREF(self);
            return NULL;
        }
        PyMemberDef *def = ((PyMemberDescrObject *)member)->d_member;
        if (def->type != T_OBJECT_EX || (def->flags & READONLY) || def->offset <= 0
            || def->offset + (Py_ssize_t)sizeof(PyObject *) > klass->tp_basicsize) {
            PyErr_SetString(PyExc_TypeError, "Maker: members must be writable object slots");
            Py_DECREF(self);
            return NULL;
        }
        self->offsets[k] = def->offset;
    }
    return (PyObject *)self;
}

static PyTypeObject MakerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wortlaut._records.Maker",
    .tp_basicsize = sizeof(Maker),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Maker(cls, members, defaults)(*values): an instance of cls with its slots set (see the module).",
    .tp_new = Maker_new,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(Maker, vectorcall),
    .tp_traverse = (traverseproc)Maker_traverse,
    .tp_clear = (inquiry)Maker_clear,
    .tp_dealloc = (destructor)Maker_dealloc,
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_records", "Slotted records built in C.", -1, NULL};

PyMODINIT_FUNC PyInit__records(void) {
    if (PyType_Ready(&MakerType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&MakerType);
    if (PyModule_AddObject(m, "Maker", (PyObject *)&MakerType) < 0) {
        Py_DECREF(&MakerType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
