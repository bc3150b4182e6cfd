// The harness both crash tests share: start a writer process, let it run for a while after it
// says "ready", SIGKILL it, and return what it acknowledged ("ack …" lines) before it died.
// Run directly, it checks itself against a writer that acknowledges forever.
import assert from "node:assert/strict"
import { spawn } from "node:child_process"
import { pathToFileURL } from "node:url"

/**
 * Runs `node <script> ...args`, SIGKILLs it `killAfterMs` after it prints "ready", and resolves
 * with the payloads of the "ack <payload>" lines it printed; rejects if it exits on its own.
 */
export const runUntilKilled = (script, args, killAfterMs) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] })
    const acks = []
    let out = ""
    let err = ""
    let timer
    child.stdout.on("data", (d) => {
      out += d
      let nl = out.indexOf("\n")
      while (nl >= 0) {
        const line = out.slice(0, nl)
        out = out.slice(nl + 1)
        if (line === "ready") timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs)
        else if (line.startsWith("ack ")) acks.push(line.slice(4))
        nl = out.indexOf("\n")
      }
    })
    child.stderr.on("data", (d) => {
      err += d
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      if (signal === "SIGKILL") resolve(acks)
      else reject(new Error(`writer exited by itself (code ${code}): ${err}`))
    })
  })

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === "--writer") {
    process.stdout.write("ready\n")
    let k = 0
    setInterval(() => process.stdout.write(`ack ${k++}\n`), 1)
  } else {
    const acks = await runUntilKilled(process.argv[1], ["--writer"], 50)
    assert.ok(acks.length > 0, "no acknowledgement before the kill")
    assert.deepEqual(
      acks.map(Number),
      acks.map((_, i) => i)
    )
    console.log(`killed after ${acks.length} acknowledgements`)
  }
}
