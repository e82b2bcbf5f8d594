//! Lesson `role`: clients and servers are distinct; in peer-to-peer every
//! node is both.

use crate::lessons::text::{LessonText, Question};

pub const TEXT: LessonText = LessonText {
    claim: "In client-server, the roles are fixed: clients ask and a server answers. \
            In peer-to-peer, every node is a peer that both asks and answers.",
    explanation: &[
        "A client is a program that starts a conversation: it sends a request and waits for the reply. \
         A server is a program that waits for requests and answers them. In a client-server network \
         the two roles sit on different machines: your web browser is a client, and the web server it \
         talks to only ever answers.",
        "In a peer-to-peer network there is no such split. Each node, called a peer, runs both parts: \
         it asks other peers for things it lacks, and answers peers who ask for things it holds. The \
         same computer is a client in one exchange and a server in the next.",
        "The difference shows in who does the work. In client-server every answer comes from the \
         server, so its share of the answering is 100% however many clients there are. In \
         peer-to-peer the answering is spread over the peers that hold the data, so each peer's share \
         shrinks as more peers join.",
    ],
    diagram_caption: "On the left, every request travels in to the one server at the centre of the star and \
                      every answer comes back out of it; on the right, each peer in the mesh both sends \
                      requests to its neighbours and answers theirs.",
    experiment_intro: "Both networks carry the same kind of request traffic side by side. Client-server has \
                       one server and N − 1 clients; peer-to-peer has N peers, and each item is held by 3 \
                       of them. Each node's bar shows two counts: the requests it asked and the requests it \
                       answered. Change \"Nodes\" (2 to 40) and press play. The readout gives the share of \
                       all answers given by the busiest node in each network.",
    task_prompt: "Make the peer-to-peer network's busiest node answer no more than 10% of all requests. \
                  While you do it, keep an eye on the client-server server's share.",
    hints: &[
        "Look at the \"answered\" bars in the peer-to-peer panel. How many peers share the work of \
         answering?",
        "Each peer holds some of the items, so with more peers the same requests are spread over more \
         answerers. Raise \"Nodes\".",
        "With N peers the average share is 1/N, and the busiest peer sits a little above the average. \
         Try 20 nodes or more, and let it run for a while so the shares settle.",
    ],
    success: "Done: no single peer answers more than a tenth of the requests. The client-server server \
              still answers all of them, at any size: that is what \"distinct roles\" means in practice.",
    quiz: &[
        Question {
            prompt: "Before you run it: in client-server, what happens to the server's share of all \
                     answers when you raise \"Nodes\" from 4 to 40?",
            options: &[
                "It falls to about 1/40",
                "It stays at 100%",
                "It falls to about half",
            ],
            correct: 1,
            explanation: "Clients only ask; they never answer. Every answer comes from the one server, so \
                          its share is 100% for any N. More clients only mean more requests, all landing \
                          on the same machine.",
        },
        Question {
            prompt: "In a peer-to-peer network, what is a peer?",
            options: &[
                "A node that both requests resources and provides them to others",
                "A node that only downloads from a server",
                "A spare server that takes over when the main one fails",
            ],
            correct: 0,
            explanation: "A peer runs both the client part and the server part: it asks for what it lacks \
                          and answers requests for what it holds. A node that only downloads is a client, \
                          and a spare server is still a server.",
        },
        Question {
            prompt: "Your laptop browses the web, and a classmate's laptop also fetches a file from a \
                     folder your laptop shares. What is your laptop?",
            options: &[
                "Only a client",
                "Only a server",
                "A router",
                "A client when browsing, and a server when your classmate fetches the file",
            ],
            correct: 3,
            explanation: "Roles belong to programs and exchanges, not to machines. Your browser asks (a \
                          client role) and your file sharing answers (a server role), on the same laptop. \
                          That double role is what makes a node a peer.",
        },
    ],
    takeaway: "Client-server splits the work by role: clients ask, and one server answers every request. \
               Peer-to-peer gives every node both roles, so the answering is shared among the peers.",
    nuance: "Sharing the answers evenly takes enough peers: with 4 nodes the busiest peer still answers a \
             large share, and it takes about 20 before none passes 10%. Real systems often mix the two \
             models. Napster kept a central index that answered every search, a server role, while the \
             peers sent files to each other directly; BitTorrent trackers and super-peers follow the same \
             hybrid pattern.",
};
