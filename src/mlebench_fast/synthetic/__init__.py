"""Synthetic competition data: answers in the real schema, leaderboards and agent-like submissions.

Every generator is registered here by competition id, explicitly, so the list of competitions with
synthetic data is visible in one place.
"""

from __future__ import annotations

from mlebench_fast.synthetic._base import QUALITIES, Generator, Quality, random_hex
from mlebench_fast.synthetic._csv import to_csv_bytes, write_csv
from mlebench_fast.synthetic.aerial_cactus_identification import AerialCactusIdentification
from mlebench_fast.synthetic.aptos2019_blindness_detection import Aptos2019BlindnessDetection
from mlebench_fast.synthetic.bms_molecular_translation import BmsMolecularTranslation
from mlebench_fast.synthetic.dog_breed_identification import DogBreedIdentification
from mlebench_fast.synthetic.new_york_city_taxi_fare_prediction import NewYorkCityTaxiFarePrediction
from mlebench_fast.synthetic.spaceship_titanic import SpaceshipTitanic
from mlebench_fast.synthetic.tgs_salt_identification_challenge import TgsSaltIdentificationChallenge
from mlebench_fast.synthetic.whale_categorization_playground import WhaleCategorizationPlayground

_GENERATORS: dict[str, type[Generator]] = {
    "aerial-cactus-identification": AerialCactusIdentification,
    "aptos2019-blindness-detection": Aptos2019BlindnessDetection,
    "bms-molecular-translation": BmsMolecularTranslation,
    "dog-breed-identification": DogBreedIdentification,
    "new-york-city-taxi-fare-prediction": NewYorkCityTaxiFarePrediction,
    "spaceship-titanic": SpaceshipTitanic,
    "tgs-salt-identification-challenge": TgsSaltIdentificationChallenge,
    "whale-categorization-playground": WhaleCategorizationPlayground,
}


def generator_ids() -> list[str]:
    """The competition ids that have a synthetic-data generator, sorted."""
    return sorted(_GENERATORS)


def get_generator(competition_id: str) -> Generator:
    try:
        cls = _GENERATORS[competition_id]
    except KeyError:
        msg = (
            f"no synthetic-data generator for `{competition_id}`; "
            f"generators exist for: {', '.join(generator_ids())}"
        )
        raise KeyError(msg) from None
    return cls()


__all__ = [
    "QUALITIES",
    "Generator",
    "Quality",
    "generator_ids",
    "get_generator",
    "random_hex",
    "to_csv_bytes",
    "write_csv",
]
