-- Summary counters gained overlap rows (a case with respondents of several kinds counts once): replay the log so every bucket has them.
TRUNCATE "rm_cases", "rm_follow_ups", "rm_timeline", "rm_case_states", "rm_case_versions", "rm_follow_up_versions", "rm_summary_counts", "rm_summary_values", "rm_checkpoints";
