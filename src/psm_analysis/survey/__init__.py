"""The questionnaire: codebook, data-entry template, reading and validating answers
(template workbook, CSV, Google Forms export), scoring, reliability, group comparison,
SPSS export and the demo answers.

Main entry points::

    from psm_analysis.survey import load_survey_codebook, validate_file, read_answers
    from psm_analysis.survey import cronbach_alpha, item_analysis, critical_r
    from psm_analysis.survey.template import write_template
    from psm_analysis.survey.pipeline import build_outputs
"""

from psm_analysis.survey.answers import Answers, read_answers, read_answers_table, validate_file
from psm_analysis.survey.codebook import Codebook, default_codebook_path, load_survey_codebook
from psm_analysis.survey.compare import mann_whitney_exact
from psm_analysis.survey.reliability import (
    SmallSampleWarning,
    critical_r,
    cronbach_alpha,
    item_analysis,
)
from psm_analysis.survey.scoring import categorize, category_bounds, rule_text, score_index

__all__ = [
    "Answers",
    "Codebook",
    "SmallSampleWarning",
    "category_bounds",
    "categorize",
    "critical_r",
    "cronbach_alpha",
    "default_codebook_path",
    "item_analysis",
    "load_survey_codebook",
    "mann_whitney_exact",
    "read_answers",
    "read_answers_table",
    "rule_text",
    "score_index",
    "validate_file",
]
