use super::*;
use crate::sim::node::Architecture;
use crate::sim::validate::Problem;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn defaults_put_the_crossover_at_ten_computers() {
    let admin = AdminParams::default();
    assert_eq!(admin_crossover(&admin), Some(10));
    let root = admin_crossover_root(&admin).unwrap();
    assert!(root > 9.0 && root < 10.0, "{root}");
    // Fewer than 10: pairwise sharing is less work than running a server.
    let nine = admin_comparison(&admin, 9).unwrap();
    assert!(nine.workgroup_hours < nine.server_hours, "{nine:?}");
    let ten = admin_comparison(&admin, 10).unwrap();
    assert!(ten.server_hours < ten.workgroup_hours, "{ten:?}");
    assert!(close(ten.workgroup_hours, 22.5) && close(ten.server_hours, 21.0));
}

#[test]
fn crossover_moves_with_the_parameters() {
    let cheap_server = AdminParams { server_hours_per_month: 2.0, ..AdminParams::default() };
    assert!(admin_crossover(&cheap_server).unwrap() < 10);
    let painless_pairs = AdminParams { pair_hours_per_month: 0.01, ..AdminParams::default() };
    assert!(admin_crossover(&painless_pairs).unwrap() > 40);
    let free_pairs = AdminParams { pair_hours_per_month: 0.0, ..AdminParams::default() };
    assert_eq!(admin_crossover(&free_pairs), None);
    assert_eq!(admin_crossover_root(&free_pairs), None);
}

#[test]
fn a_tie_at_the_root_is_not_a_win() {
    // N² − N − 2 = 0 at N = 2: two peers and a server tie (2 h each), so
    // the server first wins at 3.
    let admin = AdminParams {
        pair_hours_per_month: 1.0,
        account_hours_per_month: 0.0,
        server_hours_per_month: 2.0,
        ..AdminParams::default()
    };
    assert_eq!(admin_crossover_root(&admin), Some(2.0));
    assert_eq!(workgroup_hours(&admin, 2), server_hours(&admin, 2, 1));
    assert_eq!(admin_crossover(&admin), Some(3));
}

#[test]
fn workgroup_effort_grows_like_pairs_and_server_effort_like_users() {
    let admin = AdminParams::default();
    let series = admin_series(&admin, &[1, 2, 4, 8, 16]).unwrap();
    assert_eq!(series[0].workgroup_hours, 0.0);
    for w in series.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        // Doubling N roughly quadruples pairs but only doubles accounts.
        if a.users >= 4 {
            assert!(b.workgroup_hours / a.workgroup_hours > 3.5);
        }
        assert!(close(b.server_hours - a.server_hours, 0.1 * f64::from(b.users - a.users)));
    }
}

#[test]
fn hand_computed_breakdowns() {
    let p = CostParams::default();
    let cs = breakdown(&p, Architecture::ClientServer, 10).unwrap();
    // 85 hardware + 60 hosting + 10 × 20 GB × 0.05 + (10 × 0.1 + 20) h × 50.
    assert!(close(cs.total_monthly, 85.0 + 60.0 + 10.0 + 1_050.0), "{}", cs.total_monthly);
    assert_eq!((cs.servers, cs.users_monthly), (1, 0.0));
    assert!(close(cs.admin_hours, 21.0));

    let p2p = breakdown(&p, Architecture::PeerToPeer, 10).unwrap();
    // Upload 200 GB × 0.01, disk 500 GB × 0.02, power 72 kWh × 0.30,
    // admin 0.25 × 90 h × 50.
    assert!(close(p2p.total_monthly, 2.0 + 10.0 + 21.6 + 1_125.0), "{}", p2p.total_monthly);
    assert_eq!((p2p.servers, p2p.operator_monthly), (0, 0.0));
    assert!(close(p2p.per_user_monthly, p2p.total_monthly / 10.0));
}

#[test]
fn every_line_is_billed_to_the_right_payer() {
    let p = CostParams::default();
    for a in Architecture::ALL {
        for n in [1, 9, 250, 251, 100_000] {
            let b = breakdown(&p, a, n).unwrap();
            assert!(b.lines.iter().all(|l| l.payer == l.item.payer() && l.monthly >= 0.0));
            assert!(close(b.operator_monthly + b.users_monthly, b.total_monthly));
            let sum: f64 = b.lines.iter().map(|l| l.monthly).sum();
            assert!(close(sum, b.total_monthly));
        }
    }
    assert_eq!(breakdown(&p, Architecture::ClientServer, 251).unwrap().servers, 2);
    assert_eq!(breakdown(&p, Architecture::Hybrid, 25_001).unwrap().servers, 2);
}

#[test]
fn small_groups_are_cheaper_without_a_server_and_big_ones_with() {
    let p = CostParams::default();
    assert_eq!(compare(&p, 5).unwrap().cheapest(), Architecture::PeerToPeer);
    let fifty = compare(&p, 50).unwrap();
    assert!(fifty.client_server.total_monthly < fifty.peer_to_peer.total_monthly / 5.0);
    // A swarm is not a workgroup: with self-managed peers, peer-to-peer
    // stays cheap at any size, and the users carry the whole bill.
    let swarm = CostParams { peer_admin: PeerAdmin::SelfManaged, ..p };
    let big = compare(&swarm, 100_000).unwrap();
    assert!(big.peer_to_peer.total_monthly < big.client_server.total_monthly);
    assert_eq!(big.peer_to_peer.operator_monthly, 0.0);
    // The index still keeps every account, so the operator saves the
    // servers and bandwidth but not the account work.
    assert!(big.hybrid.operator_monthly < big.client_server.operator_monthly / 2.0);
}

#[test]
fn a_server_gets_cheaper_per_user_as_it_fills() {
    let p = CostParams::default();
    let per_user = |n| breakdown(&p, Architecture::ClientServer, n).unwrap().per_user_monthly;
    assert!(per_user(200) < per_user(10) / 5.0);
    let series = cost_series(&p, &one_two_five(1_000_000)).unwrap();
    for w in series.windows(2) {
        for a in Architecture::ALL {
            assert!(w[1].get(a).total_monthly >= w[0].get(a).total_monthly);
        }
    }
}

#[test]
fn one_two_five_axis() {
    assert_eq!(one_two_five(100), [1, 2, 5, 10, 20, 50, 100]);
    assert_eq!(one_two_five(7), [1, 2, 5, 7]);
    assert_eq!(one_two_five(1), [1]);
    assert_eq!(one_two_five(0), Vec::<u32>::new());
    let huge = one_two_five(u32::MAX);
    assert_eq!(huge.last(), Some(&u32::MAX));
    assert!(huge.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn every_parameter_is_validated_by_name() {
    type Poke = fn(&mut CostParams, f64);
    let fields: [(&str, Poke); 17] = [
        ("server hardware (per month)", |p, v| p.server_hardware_per_month = v),
        ("hosting per server (per month)", |p, v| p.hosting_per_server_per_month = v),
        ("data per user (GB per month)", |p, v| p.data_per_user_gb = v),
        ("bandwidth price (per GB)", |p, v| p.bandwidth_per_gb = v),
        ("index share of traffic", |p, v| p.index_traffic_fraction = v),
        ("admin hourly rate", |p, v| p.admin_hourly_rate = v),
        ("admin hours per pair of peers (per month)", |p, v| p.admin.pair_hours_per_month = v),
        ("admin hours per server account (per month)", |p, v| p.admin.account_hours_per_month = v),
        ("admin hours per server (per month)", |p, v| p.admin.server_hours_per_month = v),
        ("upkeep hours per swarm peer (per month)", |p, v| p.admin.self_hours_per_peer_month = v),
        ("peer upload cost (per GB)", |p, v| p.peer_upload_per_gb = v),
        ("disk each peer shares (GB)", |p, v| p.peer_storage_gb = v),
        ("disk price (per GB per month)", |p, v| p.storage_per_gb_month = v),
        ("extra electricity per peer (kWh per month)", |p, v| p.peer_extra_kwh = v),
        ("electricity price (per kWh)", |p, v| p.electricity_per_kwh = v),
        ("users per server", |p, v| p.users_per_server = v as u32),
        ("users per index", |p, v| p.users_per_index = v as u32),
    ];
    assert_eq!(CostParams::default().validate(), Ok(()));
    for (name, poke) in fields {
        let bad_values: &[f64] = if name.starts_with("users per") { &[0.0, 2e6] } else { &[f64::NAN, f64::INFINITY, -1.0, 1e12] };
        for &v in bad_values {
            let mut p = CostParams::default();
            poke(&mut p, v);
            let e = p.validate().unwrap_err();
            assert_eq!(e.field, name, "value {v}");
            assert!(breakdown(&p, Architecture::PeerToPeer, 10).is_err());
        }
    }
    let e = breakdown(&CostParams::default(), Architecture::ClientServer, 0).unwrap_err();
    assert_eq!(e.field, "users");
    assert!(matches!(e.problem, Problem::CountOutOfRange { min: 1, .. }));
    assert!(compare(&CostParams::default(), 2_000_000).is_err());
    assert!(admin_comparison(&AdminParams::default(), 0).is_err());
}

proptest! {
    #[test]
    fn closed_form_crossover_matches_a_search(a in 0.001f64..5.0, b in 0.0f64..5.0, f in 0.0f64..200.0) {
        let admin = AdminParams {
            pair_hours_per_month: a,
            account_hours_per_month: b,
            server_hours_per_month: f,
            ..AdminParams::default()
        };
        let searched = (2..=100_000u32).find(|&n| server_hours(&admin, n, 1) < workgroup_hours(&admin, n));
        prop_assert_eq!(admin_crossover(&admin), searched);
        let root = admin_crossover_root(&admin).unwrap();
        if let Some(n) = searched {
            prop_assert!(f64::from(n) > root - 1e-9 && f64::from(n) <= root.max(1.0) + 1.0 + 1e-9);
        }
    }

    #[test]
    fn breakdowns_are_finite_and_add_up(n in 1u32..1_000_000, swarm in any::<bool>(), rate in 0.0f64..200.0) {
        let p = CostParams {
            admin_hourly_rate: rate,
            peer_admin: if swarm { PeerAdmin::SelfManaged } else { PeerAdmin::Workgroup },
            ..CostParams::default()
        };
        for a in Architecture::ALL {
            let b = breakdown(&p, a, n).unwrap();
            prop_assert!(b.total_monthly.is_finite() && b.total_monthly >= 0.0);
            prop_assert!(close(b.operator_monthly + b.users_monthly, b.total_monthly));
            prop_assert!(close(b.per_user_monthly * f64::from(n), b.total_monthly));
        }
    }
}

#[test]
fn parameters_round_trip_through_json() {
    let p = CostParams { peer_admin: PeerAdmin::SelfManaged, ..CostParams::default() };
    let json = crate::sim::testing::assert_round_trips(&p);
    assert!(json.contains("\"self-managed\""));
    assert!(serde_json::to_string(&compare(&p, 10).unwrap()).is_ok());
}
