//! Lesson `scalability`: adding clients loads the server; peers add
//! capacity as they join. File distribution and the Kurose–Ross bounds.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "In client-server, every new client adds load to the server, so serving many clients takes \
            longer. In peer-to-peer, every new peer also uploads, so capacity grows as peers join.",
    explanation: &[
        "Suppose a file of F bits must reach N receivers. In client-server the server uploads every copy \
         itself: N·F bits through an upload link of rate u_s. Each receiver must also download the whole \
         file, which takes the slowest at least F/d_min. Kurose and Ross (Computer Networking, ch. 2) give the lower \
         bound D_cs ≥ max(N·F/u_s, F/d_min).",
        "In peer-to-peer the server need send only one copy into the swarm; after that, peers pass pieces \
         on to each other. The bound becomes D_p2p ≥ max(F/u_s, F/d_min, N·F/(u_s + Σu_i)): N copies must \
         still be uploaded, but the server and all the peers' upload rates u_i share that work.",
        "Here F = 800 Mbit and each peer downloads at 50 Mbps, so nobody can finish in less than F/d_min \
         = 16 s. With the server at 100 Mbps, client-server needs at least N × 8 s: 80 s for 10 receivers, \
         400 s for 50. Peer-to-peer with 50 peers uploading 10 Mbps each: 40,000/(100 + 500) ≈ 67 s.",
        "As N grows, Σu_i grows with it, so the peer-to-peer bound levels off just below F/u = 80 s (u \
         being one peer's upload) however many peers join, while the client-server bound keeps rising in \
         a straight line.",
    ],
    diagram_caption: "On the left, the server at the centre of the star must send a full copy of the file \
                      down the link to every client; on the right, the file enters the mesh once and the \
                      peers pass pieces on to one another, each adding its own upload.",
    experiment_intro: "A file of 800 Mbit goes out to N receivers. Each peer uploads at 10 Mbps and \
                       downloads at 50 Mbps. \"Receivers\" sets N (1 to 300) and \"Server upload (Mbps)\" \
                       sets u_s (10 to 5,000). The chart plots the simulated distribution time against N for \
                       both designs, with the Kurose–Ross lower bounds drawn as lines. The simulation sends \
                       the file in whole chunks, so it can come close to a bound but never beat it.",
    task_prompt: "Set at least 50 receivers. Then raise the server's upload until client-server finishes no \
                  later than peer-to-peer.",
    hints: &[
        "At 50 receivers and 100 Mbps, which term of D_cs ≥ max(N·F/u_s, F/d_min) is the larger one?",
        "Peer-to-peer can never beat F/d_min = 16 s, the time the slowest download takes. Client-server \
         gets there only when N·F/u_s is down to 16 s as well.",
        "At N = 50, N·F = 40,000 Mbit, and 40,000/u_s ≤ 16 s needs u_s ≥ 2,500 Mbps. Set the server \
         upload to 2,500 or a little more.",
    ],
    success: "Client-server caught up, but only with a 2,500 Mbps server link, 25 times the starting 100 \
              Mbps. The peers reached the same time with the 10 Mbps that each of them brought along.",
    quiz: &[
        Question {
            prompt: "Before you run it: with the server at 100 Mbps, what happens to the client-server \
                     time when you double the receivers from 50 to 100?",
            options: &[
                "It roughly doubles",
                "It stays about the same",
                "It halves, because more receivers can help",
            ],
            correct: 0,
            explanation: "The server must upload every copy itself, so N·F/u_s goes from 50 × 800/100 = \
                          400 s to 100 × 800/100 = 800 s. Client-server receivers never help each other.",
        },
        Question {
            prompt: "With the server at 100 Mbps, what does the peer-to-peer bound approach as N grows very \
                     large?",
            options: &[
                "Zero",
                "16 s",
                "About 80 s, the file size divided by one peer's upload",
                "It grows without limit, like client-server",
            ],
            correct: 2,
            explanation: "N·F/(u_s + N × 10) gets ever closer to F/10 = 800/10 = 80 s as N grows: each new \
                          peer asks for one copy and brings the upload for almost one copy. The time \
                          levels off instead of growing.",
        },
        Question {
            prompt: "Why can peer-to-peer never finish faster than 16 s here, however fast the server is?",
            options: &[
                "Peers upload only 10 Mbps each",
                "Each peer must download the whole 800 Mbit at no more than 50 Mbps",
                "The server must send the file 50 times",
            ],
            correct: 1,
            explanation: "F/d_min = 800/50 = 16 s is a limit of the receivers' own download links. No amount \
                          of upload capacity, from the server or the peers, can make a download faster than \
                          the link it arrives on.",
        },
    ],
    takeaway: "The client-server distribution time grows in proportion to N; the peer-to-peer time levels \
               off, because each new peer brings upload capacity as well as demand.",
    nuance: "Client-server can keep up, but at a price: at 50 receivers it needed 2,500 Mbps of server \
             upload, which an operator must pay for, while the peers brought their own 10 Mbps each. The \
             bounds assume that peers stay until the end and really upload; in real swarms some leave as \
             soon as they finish, and home connections often upload far less than they download. \
             BitTorrent is itself a hybrid: a tracker, a small server, tells peers about each other, and \
             the peers do the heavy transfer.",
};
