"""Attribution under uncertainty: Bayes, calibration, overconfidence, and what speeds it up."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from cybergeo.dynamics.investigation import (
    EvidenceModel,
    Investigation,
    clue_rate,
    draw_indicator,
    draw_origin,
)

SUSPECTS = ("Northland", "Eastmark", "Southport", "Westria", "unknown")
HOMES = np.array([0, 1, 2, 3, -1])
PRIOR = np.array([0.3, 0.25, 0.15, 0.1, 0.2])
WORLD = EvidenceModel(noise=0.3, false_flag_rate=0.25, flag_strength=0.7, laundering_rate=0.3)


def investigation(assumed: EvidenceModel, prior=PRIOR) -> Investigation:
    return Investigation(SUSPECTS, HOMES, prior, assumed, n_countries=5)


def attribution_trials(world, assumed, threshold, n, seed, max_clues=40, min_clues=3):
    """Incidents drawn from the prior and the world's evidence; the victim attributes the
    first time its confidence reaches the threshold. Returns (attributed, correct) counts."""
    rng = np.random.default_rng(seed)
    attributed = correct = 0
    for _ in range(n):
        author = int(rng.choice(len(SUSPECTS), p=PRIOR))
        framed = None
        if rng.random() < world.false_flag_rate:
            framed = SUSPECTS[int(rng.choice([i for i in range(len(SUSPECTS)) if i != author]))]
        case = investigation(assumed)
        case.observe_origin(draw_origin(int(HOMES[author]), 5, world, rng))
        for _ in range(max_clues):
            case.observe_indicator(draw_indicator(SUSPECTS[author], framed, SUSPECTS, world, rng))
            if case.clues >= min_clues and case.confidence >= threshold:
                attributed += 1
                correct += case.leading_suspect == SUSPECTS[author]
                break
    return attributed, correct


def test_bayes_update_by_hand():
    model = EvidenceModel(noise=0.5, false_flag_rate=0.0, laundering_rate=0.0)
    case = Investigation(("A", "B"), np.array([0, 1]), np.array([0.5, 0.5]), model, 2)
    case.observe_indicator("A")
    # P(points at A | A) = 0.5 + 0.5/2 = 0.75, P(points at A | B) = 0.25
    assert case.posterior == pytest.approx([0.75, 0.25])
    case.observe_indicator("A")
    assert case.posterior == pytest.approx([0.9, 0.1])
    case.observe_origin(1)  # without laundering, traffic from B's country rules out A
    assert case.posterior == pytest.approx([0.0, 1.0])


@pytest.mark.parametrize("threshold", [0.6, 0.8, 0.9, 0.95])
def test_a_correct_evidence_model_is_calibrated(threshold):
    attributed, correct = attribution_trials(WORLD, WORLD, threshold, n=1500, seed=11)
    assert attributed > 300
    # one-sided: accuracy is not significantly below the confidence the victim claimed
    test = stats.binomtest(correct, attributed, threshold, alternative="less")
    assert test.pvalue > 0.01, (correct / attributed, threshold)


@pytest.mark.parametrize("threshold", [0.9, 0.95, 0.99])
def test_ignoring_false_flags_and_laundering_is_overconfident(threshold):
    attributed, correct = attribution_trials(WORLD, WORLD.naive(), threshold, n=1500, seed=12)
    test = stats.binomtest(correct, attributed, threshold, alternative="less")
    assert test.pvalue < 0.001, (correct / attributed, threshold)


def test_false_flags_draw_blame_onto_the_framed_actor():
    rng = np.random.default_rng(3)
    framed_blamed = {None: 0, "Southport": 0}
    for framed in framed_blamed:
        for _ in range(400):
            case = investigation(WORLD.naive())
            for _ in range(8):
                case.observe_indicator(draw_indicator("Eastmark", framed, SUSPECTS, WORLD, rng))
            framed_blamed[framed] += case.leading_suspect == "Southport"
    assert framed_blamed["Southport"] > 3 * max(framed_blamed[None], 1)


def steps_to_attribution(rate: float, seed: int, threshold=0.9, horizon=400) -> float:
    rng = np.random.default_rng(seed)
    delays = []
    for _ in range(300):
        case = investigation(WORLD)
        for step in range(1, horizon):
            for _ in range(rng.poisson(rate)):
                case.observe_indicator(draw_indicator("Eastmark", None, SUSPECTS, WORLD, rng))
            if case.clues >= 3 and case.confidence >= threshold:
                delays.append(step)
                break
    return float(np.mean(delays))


def test_forensics_and_allied_sharing_shorten_time_to_attribution():
    weeks = 7  # one step a week, so investigations end within the horizon
    alone = steps_to_attribution(clue_rate(0.2, 0.1, 0.0, 0.0, weeks), seed=5)
    skilled = steps_to_attribution(clue_rate(0.9, 0.1, 0.0, 0.0, weeks), seed=5)
    allied = steps_to_attribution(clue_rate(0.2, 0.1, 0.9, 0.0, weeks), seed=5)
    assert skilled < 0.6 * alone
    assert allied < 0.9 * alone


@given(
    clues=st.lists(st.sampled_from(SUSPECTS), max_size=60),
    origins=st.lists(st.integers(0, 4), max_size=5),
    flag=st.floats(0, 1),
    noise=st.floats(0, 1),
)
def test_posterior_stays_a_distribution(clues, origins, flag, noise):
    case = investigation(EvidenceModel(noise=noise, false_flag_rate=flag, laundering_rate=0.3))
    for origin in origins:
        case.observe_origin(origin)
    for clue in clues:
        case.observe_indicator(clue)
    posterior = case.posterior
    assert not np.isnan(posterior).any()
    assert posterior.sum() == pytest.approx(1.0)
    assert np.all(posterior >= 0)
    assert 1 / len(SUSPECTS) - 1e-9 <= case.confidence <= 1.0


def test_clear_errors():
    with pytest.raises(ValueError, match="noise must be in"):
        EvidenceModel(noise=1.5)
    with pytest.raises(ValueError, match="unknown suspect"):
        investigation(WORLD).observe_indicator("Atlantis")
    with pytest.raises(ValueError, match="prior"):
        investigation(WORLD, prior=np.zeros(5))
