/** A contract whose metrics have indicator sources: the input of the export tests. */
export const INDICATOR_CONTRACT = String.raw`agreement Shop "Shop platform SLA" {
  effective 2026-01-01
  term 1 year
  timezone "Europe/London"
  currency GBP
}

party Acme "Acme Hosting Ltd" { role provider }
party Globex "Globex plc" { role customer }

service Checkout "Checkout API" {
  provider Acme
  customer Globex
  fee GBP 10,000 per month
  hours 24x7
}

metric Avail "Checkout availability" {
  service Checkout
  type availability
  indicator prometheus good "sum(rate(http_requests_total{job=\"checkout\",code!~\"5..\"}[$window]))" total "sum(rate(http_requests_total{job=\"checkout\"}[$window]))"
}

metric Failures "Checkout error rate" {
  service Checkout
  type error rate
  indicator prometheus errors "sum(rate(http_requests_total{job=\"checkout\",code=~\"5..\"}[$window]))" total "sum(rate(http_requests_total{job=\"checkout\"}[$window]))"
}

metric Speed "Checkout latency" {
  service Checkout
  type latency percentile 99
  indicator prometheus histogram "http_request_duration_seconds_bucket{job=\"checkout\"}" below 300 milliseconds
}

metric Manual "Manual checks" {
  service Checkout
  type availability
}

objective Uptime "Checkout uptime" {
  metric Avail
  target at least 99.9% per calendar month
}

objective FewErrors "Few failed requests" {
  metric Failures
  target at most 0.5% per rolling 28 days
}

objective Fast "Fast checkout" {
  metric Speed
  target at most 300 milliseconds per calendar month
}

objective Checked "Manually checked uptime" {
  metric Manual
  target at least 99.5% per calendar month
}
`;
