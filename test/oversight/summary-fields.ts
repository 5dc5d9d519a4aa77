/** Every figure of a followUpSummary bucket, so tests compare whole answers, not a chosen few fields. */
export const BUCKET_FIELDS = `
  key { regionCode regionName ppk violation election waitingOn respondentKind }
  total cases
  byStage { stage count cases }
  byStatus { status count cases }
  recommended { persons cases } decided { persons cases } actedOn { persons cases } waiting { persons cases }
  overdue overdueCases actedOnRate
  medianDaysToExecute p90DaysToExecute medianDaysWaiting p90DaysWaiting maxDaysLate
`;

export const SUMMARY_QUERY = `query ($groupBy: [SummaryDimension!], $filter: FollowUpFilter, $asOf: DateTime) {
  followUpSummary(groupBy: $groupBy, filter: $filter, asOf: $asOf) { asOf current position overall { ${BUCKET_FIELDS} } buckets { ${BUCKET_FIELDS} } }
}`;
