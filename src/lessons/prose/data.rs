//! Lesson `data`: data stored centrally vs each peer holding its own.
//! Placement, departures, replication and stale copies.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "In client-server, data is stored centrally on the server. In peer-to-peer, each peer keeps \
            its own data, so what the network holds depends on which peers are online.",
    explanation: &[
        "When the server holds all the data, there is one copy of the truth. A reader always gets the \
         latest version, because every update is made in that one place. Backups and access rules are \
         also handled once, by whoever runs the server.",
        "In peer-to-peer, data lives on the peers. If the only peer holding an item switches off, the \
         item is gone until that peer comes back. Keeping copies on several peers, called replication, \
         helps: the item is missing only if every peer holding it is offline at the same time.",
        "If each peer is online with probability a, independently of the others, an item with r copies \
         is available with probability 1 − (1 − a)^r. With 20% of peers offline, a = 0.8: one copy \
         gives 80%, two give 96%, three 99.2% and four 99.84%.",
        "Copies bring a new problem: keeping them the same. If a peer updates its copy and tells nobody, \
         readers of the other copies get the old version, a stale read. Sending the update to every copy \
         fixes most of this, but a copy that is offline at that moment misses the update.",
    ],
    diagram_caption: "On the left, the server at the centre of the star holds every item and every client \
                      reads from it; on the right, the items are spread over the peers of the mesh, so a \
                      peer that leaves takes its copies with it.",
    experiment_intro: "30 peers store and read items; in the client-server panel a server holds everything \
                       instead. \"Copies of each item\" (1 to 8) sets how many peers hold each item. \
                       \"Peers offline\" (0 to 50%) switches some peers off. \"Send updates to every \
                       copy\" decides whether a peer that changes an item tells the other copies. Watch two \
                       readouts: the share of items available, and the share of reads that return a stale \
                       version.",
    task_prompt: "With 20% of peers offline, get at least 99% of items available and stale reads down to \
                  5% or less.",
    hints: &[
        "There are two separate problems here: items missing because their holders are offline, and \
         copies that disagree. Each one needs its own control.",
        "Availability grows with copies, as 1 − 0.2^r when 20% of peers are offline. For stale reads, \
         the other copies have to hear about an update somehow: look at \"Send updates to every copy\".",
        "Keep \"Peers offline\" at 20%, set \"Copies of each item\" to 4 or more, and switch \"Send \
         updates to every copy\" on.",
    ],
    success: "Both goals met: enough copies that one is almost always online, and updates sent to all of \
              them. Notice the cost: every item is now stored several times, and every change sends a \
              message to each copy.",
    quiz: &[
        Question {
            prompt: "Before you run it: with updates not sent to the other copies, what happens to stale \
                     reads when you raise the copies of each item from 1 to 4?",
            options: &[
                "They go up, because there are more copies that can miss an update",
                "They go down, because more copies are online",
                "They stay at zero",
            ],
            correct: 0,
            explanation: "With one copy there is nothing to disagree with, so a read is never stale. Each \
                          extra copy that never hears about updates is one more place where a reader can \
                          find an old version. Replication fixes availability and creates a consistency \
                          problem.",
        },
        Question {
            prompt: "Each peer is online 80% of the time, independently. About how available is an item \
                     stored on 2 peers?",
            options: &["80%", "90%", "96%", "160%"],
            correct: 2,
            explanation: "The item is missing only when both holders are offline: 0.2 × 0.2 = 0.04. So it \
                          is available 1 − 0.04 = 96% of the time. Copies do not add up their \
                          availabilities; they multiply the chances of being missing.",
        },
        Question {
            prompt: "Why does a client-server reader never get a stale version in this experiment?",
            options: &[
                "The server's disk is faster than a peer's",
                "There is one copy, and every update is made to that copy",
                "The server refuses updates while anyone is reading",
            ],
            correct: 1,
            explanation: "Staleness needs two copies that disagree. With all data on the server there is \
                          only one copy, so the latest update is what every reader sees. Speed has nothing \
                          to do with it.",
        },
    ],
    takeaway: "Central storage gives one up-to-date copy, for as long as the server is up. Data held by \
               peers needs several copies to stay available, and a way to spread updates to keep those \
               copies the same.",
    nuance: "\"Each peer has its own data\" describes a pure design; most real peer-to-peer systems \
             replicate, as when many BitTorrent peers hold pieces of the same file. The experiment shows the \
             price: with a fifth of the peers offline, 99% availability took three or four copies, the \
             copies disagreed until updates were sent to all of them, and even then a copy that was offline \
             missed its update. A single server avoids both problems, but only while it stays up.",
};
