use crate::experiment::bench::SERVICE;
use crate::experiment::{Metric, Pair, Params};

#[test]
fn failing_the_server_mid_run_fails_requests_and_reviving_it_recovers() {
    let Pair([mut central, _]) = SERVICE.start(&Params::default(), 1).unwrap();
    assert!(central.can_fail());
    central.advance_to(10.0, u64::MAX);
    assert_eq!(central.toggle(0), Some(false), "the server goes down");
    central.advance_to(20.0, u64::MAX);
    let failed_while_down = SERVICE.measure(central.as_ref()).get(Metric::FailedShare).unwrap();
    assert!(failed_while_down > 0.1, "requests fail while the server is down: {failed_while_down}");
    assert_eq!(central.toggle(0), Some(true), "and comes back");
    assert_eq!(central.toggle(9_999), None, "no such node");
}
