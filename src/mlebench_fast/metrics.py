"""The closed registry of metrics: a name, a direction and what it measures, declared once.

The reference never declares a metric's direction; it guesses it from a leaderboard's first and last
rows. Here each competition names one of these metrics, and the direction comes from it.
Names follow scikit-learn's convention: ``*_score`` is maximised, ``*_error`` / ``*_loss`` minimised.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric:
    name: str
    higher_is_better: bool
    description: str

    @property
    def is_lower_better(self) -> bool:
        return not self.higher_is_better

    def __post_init__(self) -> None:
        suffix_says_higher = self.name.endswith("_score")
        suffix_says_lower = self.name.endswith(("_error", "_loss"))
        if not (suffix_says_higher or suffix_says_lower):
            msg = f"metric name {self.name!r} must end in _score, _error or _loss"
            raise ValueError(msg)
        if suffix_says_higher != self.higher_is_better:
            msg = f"metric {self.name!r}: its name and its direction disagree"
            raise ValueError(msg)


def _m(name: str, description: str) -> Metric:
    return Metric(name=name, higher_is_better=name.endswith("_score"), description=description)


_ALL = (
    _m("accuracy_score", "fraction of rows whose label equals the answer"),
    _m("top1_classification_error", "1 - accuracy of the first predicted label"),
    _m("roc_auc_score", "area under the ROC curve (scikit-learn's trapezoidal curve)"),
    _m("weighted_roc_auc_score", "ROC AUC with TPR bands 0-0.4 weighted 2 and 0.4-1 weighted 1"),
    _m("mean_columnwise_roc_auc_score", "mean of per-column ROC AUCs"),
    _m("bias_aware_roc_auc_score", "Jigsaw's overall AUC blended with subgroup / BPSN / BNSP AUCs"),
    _m("log_loss", "cross-entropy of predicted class probabilities"),
    _m("kl_divergence_loss", "Kullback-Leibler divergence of predicted from true vote shares"),
    _m("weighted_multilabel_log_loss", "per-study weighted binary cross-entropy"),
    _m("root_mean_squared_error", "square root of the mean squared difference"),
    _m("mean_columnwise_root_mean_squared_error", "MCRMSE: mean over target columns of RMSE"),
    _m("mean_columnwise_root_mean_squared_log_error", "mean over target columns of RMSLE"),
    _m("mean_absolute_error", "mean absolute difference"),
    _m("log_mean_absolute_error", "mean over groups of log(MAE)"),
    _m("quadratic_weighted_kappa_score", "Cohen's kappa with quadratic weights"),
    _m("mean_columnwise_spearman_score", "mean over columns of Spearman's rank correlation"),
    _m("pearson_correlation_score", "Pearson's correlation coefficient"),
    _m("label_weighted_lrap_score", "label-weighted label-ranking average precision (lwlrap)"),
    _m("probabilistic_f1_score", "F1 with predicted probabilities as soft counts"),
    _m("matthews_correlation_score", "Matthews correlation coefficient"),
    _m("macro_f1_score", "unweighted mean of per-label F1"),
    _m("micro_f1_score", "F1 over pooled true/false positives and negatives"),
    _m("map_at_k_score", "mean average precision of the top-k ranked predictions"),
    _m("kendall_tau_score", "Kendall's tau over predicted orderings"),
    _m("mean_levenshtein_error", "mean Levenshtein (edit) distance per row"),
    _m("normalized_levenshtein_error", "sum of edit distances over the total length of the answers"),
    _m("word_jaccard_score", "mean Jaccard similarity of word sets"),
    _m("dice_score", "Dice coefficient of binary masks"),
    _m("dice_hausdorff_score", "0.4 * 2-D Dice + 0.6 * (1 - 3-D Hausdorff distance)"),
    _m("fbeta_score", "F-beta score of binary masks"),
    _m("iou_sweep_precision_score", "mean over IoU thresholds 0.5:0.95 of single-object precision"),
    _m("mean_average_precision_score", "mean average precision of detected boxes or objects"),
    _m("point_in_box_f1_score", "F1 of predicted points inside same-label boxes"),
    _m("mean_angular_error", "mean angle between predicted and true directions"),
    _m("mean_haversine_error", "mean over trips of the p50 / p95 haversine distances"),
    _m("laplace_log_likelihood_score", "modified Laplace log-likelihood"),
)

METRICS: dict[str, Metric] = {m.name: m for m in _ALL}


def get_metric(name: str) -> Metric:
    try:
        return METRICS[name]
    except KeyError:
        valid = ", ".join(sorted(METRICS))
        msg = f"unknown metric {name!r}; valid metrics: {valid}"
        raise ValueError(msg) from None
