const queue = [];

async function queueDeploy(repo, sha) {
  queue.push({ repo, sha, at: Date.now() });
}

module.exports = { queueDeploy };
