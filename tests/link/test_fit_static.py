"""Fitting static word vectors to e5 sentence vectors: the ridge solver and the held-out scores."""

from __future__ import annotations

import numpy as np

from wortlaut.link.fit_static import Design, place, scores, solve


def _design(texts: int, words: int, seed: int) -> tuple[Design, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows, cols, values = [], [], []
    for text in range(texts):
        picked = rng.choice(words, 4, replace=False)
        share = rng.random(4)
        rows += [text] * 4
        cols += list(picked)
        values += list(share / share.sum())
    dense = np.zeros((texts, words))
    dense[rows, cols] = values
    names = [f"w{number}" for number in range(words)]
    x = Design(names, np.ones(words, np.float32), np.asarray(rows), np.asarray(cols),
               np.asarray(values, np.float32), texts)  # fmt: skip
    return x, dense


def test_conjugate_gradients_reach_the_exact_ridge_solution() -> None:
    x, dense = _design(200, 30, seed=1)
    rng = np.random.default_rng(2)
    target = rng.normal(size=(200, 3)).astype(np.float32)
    prior = rng.normal(size=(30, 3)).astype(np.float32)
    for ridge in (0.01, 1.0):
        exact = np.linalg.solve(dense.T @ dense + ridge * np.eye(30), dense.T @ target + ridge * prior)
        assert np.allclose(solve(x, target, prior, ridge), exact, atol=1e-4)


def test_a_strong_ridge_keeps_the_prior() -> None:
    x, _ = _design(50, 20, seed=3)
    prior = np.ones((20, 2), dtype=np.float32)
    fitted = solve(x, np.zeros((50, 2), dtype=np.float32), prior, ridge=1e6)
    assert np.allclose(fitted, prior, atol=1e-3)


def test_placed_vectors_sit_at_the_radius_around_the_centre() -> None:
    centre = np.array([0.0, 0.0, 2.0])
    placed = place(np.array([[3.0, 4.0, 0.0], [0.1, 0.0, 0.0]]), 0.5, centre)
    assert np.allclose(np.linalg.norm(placed - centre, axis=1), 0.5)


def test_scores_are_perfect_for_the_truth_and_worse_for_noise() -> None:
    rng = np.random.default_rng(4)
    truth = rng.normal(size=(300, 8)) + 3.0
    centre = truth.mean(axis=0)
    perfect = scores(truth, truth, centre, pairs=2000)
    assert perfect["cosine"] > 0.999 and perfect["pair_spearman"] > 0.999
    noisy = scores(truth + rng.normal(size=truth.shape), truth, centre, pairs=2000)
    assert noisy["centred_cosine"] < perfect["centred_cosine"] and noisy["pair_spearman"] < 0.99
