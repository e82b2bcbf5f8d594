//! Lesson `cost`: client-server is "more expensive", peer-to-peer "more
//! affordable". A cost model that shows who pays.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "Client-server is more expensive, because someone has to buy and run the server. Peer-to-peer \
            is more affordable, because the peers supply the resources themselves.",
    explanation: &[
        "Running a server costs money: the hardware, hosting and electricity, network bandwidth, and the \
         time of the people who look after it. The operator pays these bills whether ten people use the \
         service or a thousand. Much of that cost is fixed, so the more users share it, the smaller each \
         user's share.",
        "In peer-to-peer there is no operator's bill. Each peer contributes its own upload bandwidth, \
         disk space and electricity, plus some of its owner's time. Each of these is small, but it comes \
         with every user: a new peer brings its own costs, so the cost per user stays about the same \
         however many join.",
        "So the two per-user curves cross. With few users, the server's fixed cost divided among them is \
         large, and peer-to-peer is cheaper per user. With many users, the server's cost per user can fall \
         below what each peer spends on itself.",
    ],
    diagram_caption: "On the left, the one server at the centre of the star carries the cost of serving every \
                      client around it; on the right, each peer in the mesh carries a small share of the \
                      cost itself.",
    experiment_intro: "This lesson uses a cost model rather than traffic. Its assumptions are listed beside \
                       the chart: for client-server, the operator's server hardware, hosting, bandwidth and \
                       administration; for peer-to-peer, each peer's upload, storage and electricity. Change \
                       \"Users\" (5 to 1,000) and the chart shows the total and the per-user cost of each \
                       design, split by who pays: the operator or the users themselves.",
    task_prompt: "Find a number of users at which client-server costs less per user than peer-to-peer.",
    hints: &[
        "Look at the per-user chart at 10 users. Which part of the client-server bill is large, and does \
         it depend on the number of users?",
        "The operator's fixed cost is divided by N, so its share per user shrinks as N grows, while the \
         peer-to-peer cost per user stays flat. Raise \"Users\" until the two lines cross.",
        "With the default assumptions the lines cross at a few hundred users. Move \"Users\" up in big \
         steps past 100 and watch for the client-server per-user cost to dip below the flat peer-to-peer \
         line.",
    ],
    success: "Past this point the server's cost, shared among enough users, is less per head than what each \
              peer pays for itself. Whether peer-to-peer is \"more affordable\" depends on the number of \
              users, and on who you ask.",
    quiz: &[
        Question {
            prompt: "Before you run it: what happens to the peer-to-peer cost per user when you raise \
                     \"Users\" from 10 to 1,000?",
            options: &[
                "It falls sharply",
                "It stays about the same",
                "It rises about a hundredfold",
            ],
            correct: 1,
            explanation: "Each peer pays for its own upload, storage and electricity, and there is no big \
                          shared bill to divide. So the cost per user is flat, while the total grows in \
                          step with the number of users.",
        },
        Question {
            prompt: "In peer-to-peer, who pays for the upload bandwidth used to serve other users?",
            options: &[
                "The authors of the software",
                "Nobody: it is free",
                "The peers themselves, through their own connections and electricity",
                "A central operator, as in client-server",
            ],
            correct: 2,
            explanation: "The bandwidth is real and somebody pays for it: the peers, through their own \
                          internet connections and power bills. Peer-to-peer removes the operator's bill, \
                          not the cost.",
        },
        Question {
            prompt: "A server costs its operator a fixed amount each month, however many people use it. \
                     Why does client-server get cheaper per user as the number of users grows?",
            options: &[
                "The fixed cost is divided among more users",
                "Servers run faster when they have more users",
                "The users start paying for the server's bandwidth",
            ],
            correct: 0,
            explanation: "A fixed cost shared by N users costs each of them 1/N of it, which shrinks as N \
                          grows. That holds until the server runs out of capacity and has to be upgraded, \
                          when the fixed cost steps up.",
        },
    ],
    takeaway: "Peer-to-peer is cheaper for whoever would otherwise run the server, because the peers supply \
               the resources. Per user, client-server becomes the cheaper one once enough users share its \
               fixed cost.",
    nuance: "\"More affordable\" largely means that the cost has moved: in the chart the operator's share \
             vanishes in peer-to-peer, but a users' share appears instead, in upload, disk and electricity. \
             That is why, for example, Linux distributions offer their install images over BitTorrent: the \
             publisher's bill falls and each downloader gives back a little. A hybrid still has an \
             operator, but only for the cheap part, an index or a tracker, while the peers carry the heavy \
             transfers.",
};
