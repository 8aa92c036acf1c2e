"""Each actor kind does what it exists for."""

from typing import Any

import numpy as np
from scipy import stats

from cybergeo import CyberspaceModel, load_scenario, simulate

TWO_STATES: dict[str, Any] = {
    "steps": 60,
    "countries": [
        {"id": "Northland", "citizens": 150, "rivals": ["Eastmark"]},
        {"id": "Eastmark", "citizens": 150, "rivals": ["Northland"], "regime": "authoritarian"},
    ],
}


def _scenario(**changes: Any) -> Any:
    return load_scenario({**TWO_STATES, **changes})


# -- states -------------------------------------------------------------------------------


def test_state_with_stealthy_exploits_spends_its_zero_day_at_once() -> None:
    countries = [
        {**TWO_STATES["countries"][0], "exploit_stealth": 0.9, "exploit_persistence": 0.5},
        {**TWO_STATES["countries"][1], "exploit_stealth": 0.1, "exploit_persistence": 0.99},
    ]
    model = CyberspaceModel(_scenario(countries=countries), rng=1)
    bold, patient = model.states
    assert bold.spends_zero_day(0.01)
    assert not patient.spends_zero_day(0.5), "low stealth, high persistence: waits"
    assert patient.spends_zero_day(0.95), "... for high stakes"


def test_states_start_with_their_stockpile_in_rivals_systems() -> None:
    model = CyberspaceModel(_scenario(), rng=2)
    systems = model.world.systems
    for state in model.states:
        held = state.zero_days(systems)
        assert len(held) == state.spec.zero_days
        assert set(systems.country[systems.vuln_system[held]]) == set(state.rivals)


def _zero_day_uses(stealth: float, persistence: float, seed: int) -> int:
    countries = [
        {
            **TWO_STATES["countries"][0],
            "exploit_stealth": stealth,
            "zero_days": 6,
            "exploit_persistence": persistence,
            "operations_rate": 0.3,
        },
        TWO_STATES["countries"][1],
    ]
    events = simulate(_scenario(countries=countries, steps=20), seed=seed).events
    launched = events[(events["kind"] == "operation_launched")]
    ours = launched[launched["true_author"] == "Northland"]
    return int(ours["detail"].str.contains("via zero_day").sum())


def test_stealthy_exploits_are_spent_more_readily_in_runs() -> None:
    """8 seeds a side: p = 3e-4 for seeds 0-7 and for seeds 12-19."""
    bold = [_zero_day_uses(0.9, 0.5, seed) for seed in range(8)]
    patient = [_zero_day_uses(0.1, 0.99, seed) for seed in range(8)]
    assert stats.mannwhitneyu(bold, patient, alternative="greater").pvalue < 0.01


# -- firms --------------------------------------------------------------------------------


def _firm_model(requester_governance: str) -> CyberspaceModel:
    countries = [
        {**TWO_STATES["countries"][0]},
        {**TWO_STATES["countries"][1], "governance": requester_governance},
    ]
    firms = [{"id": "Chirp", "kind": "platform", "home": "Northland", "compliance": 0.8}]
    return CyberspaceModel(_scenario(countries=countries, firms=firms), rng=3)


def test_firm_complies_less_with_a_foreign_state() -> None:
    firm = _firm_model("multistakeholder").firms["Chirp"]
    home = np.mean([firm.answer_request("Northland") for _ in range(2000)])
    foreign = np.mean([firm.answer_request("Eastmark") for _ in range(2000)])
    assert home > foreign + 0.3
    assert abs(home - 0.8) < 0.03 and abs(foreign - 0.4) < 0.03


def test_data_localisation_makes_a_host_state_count_as_home() -> None:
    firm = _firm_model("sovereign").firms["Chirp"]
    assert firm.comply_probability("Eastmark") == firm.comply_probability("Northland")


# -- hacktivists --------------------------------------------------------------------------


def _group_operations(censorship_at: int | None, seed: int) -> tuple[int, int]:
    """Operations by an anti-censorship group in the 30 steps before and after step 30."""
    events = (
        []
        if censorship_at is None
        else [{"step": censorship_at, "kind": "censorship", "actor": "Eastmark", "duration": 10}]
    )
    scenario = _scenario(
        groups=[
            {
                "id": "FreeWire",
                "home": "Northland",
                "ideology": "anti_censorship",
                "outrage_threshold": 0.5,
            }
        ],
        countries=[
            TWO_STATES["countries"][0],
            {**TWO_STATES["countries"][1], "capabilities": {"censorship": 0.0}},
        ],
        events=events,
    )
    log = simulate(scenario, seed=seed).events
    ops = log[(log["kind"] == "operation_launched") & (log["true_author"] == "FreeWire")]
    return int((ops["step"] < 30).sum()), int((ops["step"] >= 30).sum())


def test_hacktivist_activity_rises_after_censorship() -> None:
    """Over 20 seeds every censored run strikes after the censorship and no quiet run does;
    with that separation 8 seeds give p = 7e-5."""
    before, after = zip(*(_group_operations(30, seed) for seed in range(8)), strict=True)
    assert sum(before) == 0
    assert sum(after) >= 0.75 * len(after)
    quiet = [_group_operations(None, seed)[1] for seed in range(8)]
    assert stats.mannwhitneyu(after, quiet, alternative="greater").pvalue < 0.001


# -- whistleblowers -----------------------------------------------------------------------


def _leak_step(protection: float, seed: int) -> int:
    """The step at which the insider first leaks, or 120 if it never does: the run stops at
    the leak, as nothing after it can change that step."""
    countries = [
        {**TWO_STATES["countries"][0], "mass_surveillance": True},
        TWO_STATES["countries"][1],
    ]
    insiders = [
        {
            "id": "Insider",
            "employer": "Northland",
            "conscience": 0.9,
            "protection": protection,
            "asylum_options": 0.0,
        }
    ]
    scenario = _scenario(countries=countries, insiders=insiders, steps=120)
    model = CyberspaceModel(scenario, rng=seed)
    log = model.recorder.event_rows
    while model.steps < 120:
        model.step()
        leaks = [e["step"] for e in log if e["kind"] == "leak" and e["actor"] == "Insider"]
        if leaks:
            return int(min(leaks))
    return 120


def test_whistleblower_with_more_protection_leaks_sooner() -> None:
    """20 seeds: leak days vary widely, and at 10 seeds p reaches 1e-3 for seeds 0-9."""
    protected = [_leak_step(0.8, seed) for seed in range(20)]
    exposed = [_leak_step(0.3, seed) for seed in range(20)]
    assert stats.mannwhitneyu(protected, exposed, alternative="less").pvalue < 0.001
    assert np.median(protected) < np.median(exposed) / 2


def test_firm_loses_users_where_it_is_blocked_and_when_exposed() -> None:
    firms = [{"id": "Chirp", "kind": "platform", "home": "Northland", "compliance": 1.0}]
    censor = [{"step": 2, "kind": "censorship", "actor": "Eastmark", "duration": 20}]
    model = CyberspaceModel(_scenario(firms=firms, events=censor), rng=4)
    chirp = model.firms["Chirp"]
    for _ in range(21):
        model.step()
    home, censoring = (model.country_index[c] for c in ("Northland", "Eastmark"))
    assert chirp.user_share[censoring] < 0.75 < chirp.user_share[home]
    before = chirp.user_share.copy()
    chirp.exposed(0.4)
    kept = np.where(np.arange(len(before)) == home, 0.96, 0.8)  # foreign users leave first
    np.testing.assert_allclose(chirp.user_share, before * kept)
    assert chirp.reputation == 0.6


def test_tense_state_co_opts_its_patriots_as_proxies() -> None:
    groups = [{"id": "Bears", "ideology": "patriotic", "home": "Eastmark"}]
    peaceful = [{**country, "operations_rate": 0.0} for country in TWO_STATES["countries"]]
    calm = CyberspaceModel(_scenario(groups=groups, countries=peaceful), rng=5)
    tense = CyberspaceModel(_scenario(groups=groups, countries=peaceful), rng=5)
    for model, tension in ((calm, 0.3), (tense, 0.9)):
        model.relations.baseline[:] = tension
        model.relations.tension[:] = tension
        for _ in range(100):
            model.step()
    assert calm.groups["Bears"].sponsor is None
    assert tense.groups["Bears"].sponsor == "Eastmark"
    log = tense.recorder.events_frame()
    assert (log["kind"] == "co_option").sum() == 1


def test_an_agreement_lowers_tension_for_good() -> None:
    agreement = [{"step": 5, "kind": "agreement", "actor": "Northland", "target": "Eastmark"}]

    def later_tension(events: list[dict[str, Any]], seed: int) -> float:
        metrics = simulate(_scenario(events=events), seed=seed).metrics
        return float(metrics["tension.Northland-Eastmark"].iloc[5:30].mean())

    # every agreed run is calmer than every other over 20 seeds: 6 seeds give p = 6e-4
    agreed = [later_tension(agreement, seed) for seed in range(6)]
    apart = [later_tension([], seed) for seed in range(6)]
    assert stats.mannwhitneyu(agreed, apart, alternative="less").pvalue < 0.01


def test_citizens_take_up_circumvention_under_censorship_only() -> None:
    censor = [{"step": 1, "kind": "censorship", "actor": "Eastmark", "duration": 40}]
    calm = [
        {**TWO_STATES["countries"][0]},
        {**TWO_STATES["countries"][1], "capabilities": {"censorship": 0.0}},
    ]
    censored = simulate(_scenario(countries=calm, events=censor, steps=40), seed=6).metrics
    free = simulate(_scenario(countries=calm, steps=40), seed=6).metrics
    share = "circumvention.Eastmark"
    assert censored[share].iloc[-1] > censored[share].iloc[0] + 0.05
    assert free[share].iloc[-1] == free[share].iloc[0]
    assert (
        censored["circumvention.Northland"].iloc[-1] == censored["circumvention.Northland"].iloc[0]
    )
