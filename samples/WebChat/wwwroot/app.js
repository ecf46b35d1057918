// The page: creates a chat, opens its event stream (server-sent events), then lets the user post messages and answer
// approval requests. Each update names what to draw; deltas are appended to the reply being streamed.
"use strict";

const transcript = document.getElementById("transcript");
const input = document.getElementById("message");
const send = document.getElementById("send");
const statusBadge = document.getElementById("status");
let chatId = null;
let reply = null; // the assistant bubble being streamed

function add(className, text, tag = "li") {
  const item = document.createElement(tag);
  item.className = className;
  item.textContent = text;
  transcript.appendChild(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

function setStatus(text, kind) {
  statusBadge.textContent = text;
  statusBadge.className = "status " + kind;
}

async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) {
    add("activity error", `The server answered ${response.status} to ${path}.`);
  }
  return response;
}

function showApproval(update) {
  const card = add("approval", "");
  card.dataset.approvalId = update.approvalId;
  const question = document.createElement("p");
  question.textContent = update.text;
  const args = document.createElement("code");
  args.textContent = `${update.tool} ${update.detail ?? ""}`;
  const approve = document.createElement("button");
  approve.className = "approve";
  approve.textContent = "Approve";
  const deny = document.createElement("button");
  deny.className = "deny";
  deny.textContent = "Deny";
  const answer = async (approved) => {
    approve.disabled = deny.disabled = true;
    const response = await post(`/api/chats/${chatId}/approvals/${encodeURIComponent(update.approvalId)}`, { approved });
    if (response.ok) {
      const verdict = document.createElement("span");
      verdict.className = "answer";
      verdict.textContent = approved ? "Approved" : "Denied";
      approve.replaceWith(verdict);
      deny.remove();
    }
  };
  approve.addEventListener("click", () => answer(true));
  deny.addEventListener("click", () => answer(false));
  card.append(question, args, approve, deny);
}

function onUpdate(update) {
  switch (update.kind) {
    case "ready":
      setStatus("connected", "live");
      input.disabled = send.disabled = false;
      input.focus();
      break;
    case "delta":
      if (!reply) {
        reply = add("bubble assistant streaming", "");
      }
      reply.textContent += update.text;
      reply.dataset.deltas = String(Number(reply.dataset.deltas ?? 0) + 1);
      reply.scrollIntoView({ block: "end" });
      break;
    case "complete":
      if (!reply) {
        reply = add("bubble assistant", "");
      }
      reply.textContent = update.text;
      reply.classList.remove("streaming");
      reply.classList.add("complete");
      reply = null;
      break;
    case "activity":
      add("activity", "⚙ " + update.text);
      break;
    case "tool_result":
      add("activity result", "✓ " + update.text);
      break;
    case "approval":
      showApproval(update);
      break;
    case "error":
      add("activity error", "⚠ " + update.text);
      break;
  }
}

async function start() {
  const response = await fetch("/api/chats", { method: "POST" });
  if (!response.ok) {
    setStatus("no engine", "lost");
    return;
  }
  chatId = (await response.json()).id;
  const stream = new EventSource(`/api/chats/${chatId}/events`);
  stream.addEventListener("update", (event) => onUpdate(JSON.parse(event.data)));
  stream.onerror = () => setStatus("reconnecting…", "lost");
}

document.getElementById("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || !chatId) {
    return;
  }
  input.value = "";
  add("bubble user", text);
  await post(`/api/chats/${chatId}/messages`, { text });
});

start();
