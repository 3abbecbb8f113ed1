// tend web chat: keeps the conversation in the page, sends it to the
// OpenAI-compatible endpoint with stream: true and renders the streamed reply.
// No third-party code, no storage, no tracking.
"use strict";
(function () {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("input");
  const send = document.getElementById("send");
  const status = document.getElementById("status");
  const locale = document.getElementById("locale");
  const helpButton = document.getElementById("help-button");
  const helpPanel = document.getElementById("help-panel");
  const helpClose = document.getElementById("help-close");
  let messages = [];
  let busy = false;

  function addMessage(role, text) {
    const li = document.createElement("li");
    li.className = "msg " + role;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = role === "user" ? "You" : "tend (AI)";
    const body = document.createElement("div");
    body.className = "text";
    body.textContent = text;
    li.append(who, body);
    log.append(li);
    li.scrollIntoView({ block: "end" });
    return body;
  }

  function addLinks(body, sources) {
    if (!sources || !sources.length) return;
    const p = document.createElement("p");
    p.className = "sources";
    p.append("Learn more: ");
    sources.forEach((s, i) => {
      if (i) p.append(" · ");
      const a = document.createElement("a");
      a.href = s.url;
      a.textContent = s.title;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      p.append(a);
    });
    body.append(p);
  }

  function showHelp(open) {
    helpPanel.hidden = !open;
    helpButton.setAttribute("aria-expanded", String(open));
    if (open) helpPanel.focus(); else helpButton.focus();
  }

  async function submit(text) {
    busy = true;
    send.disabled = true;
    status.textContent = "tend is writing…";
    messages.push({ role: "user", content: text });
    addMessage("user", text);
    const body = addMessage("assistant", "");
    let reply = "";
    let safety = null;
    try {
      const resp = await fetch("/v1/chat/completions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ model: "tend", messages: messages, stream: true, locale: locale.value }),
      });
      if (!resp.ok) {
        const err = await resp.json().catch(() => null);
        throw new Error(err && err.error ? err.error.message : "HTTP " + resp.status);
      }
      const reader = resp.body.getReader();
      const decoder = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buf.indexOf("\n\n")) >= 0) {
          const event = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          for (const line of event.split("\n")) {
            if (!line.startsWith("data:")) continue;
            const data = line.slice(5).trim();
            if (data === "[DONE]") continue;
            const chunk = JSON.parse(data);
            if (chunk.tend_safety) safety = chunk.tend_safety;
            for (const c of chunk.choices || []) {
              if (c.delta && c.delta.content) {
                reply += c.delta.content;
                body.textContent = reply;
              }
            }
          }
        }
      }
      messages.push({ role: "assistant", content: reply });
      if (safety) addLinks(body, safety.sources);
      if (safety && (safety.risk_level === "high" || safety.risk_level === "imminent")) {
        body.parentElement.classList.add("crisis");
      }
      status.textContent = "";
    } catch (e) {
      body.textContent = "Sorry, something went wrong sending that. If you need help now, press \"Get help now\".";
      status.textContent = "Error: " + e.message;
      messages.pop();
    } finally {
      busy = false;
      send.disabled = false;
      input.focus();
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    submit(text);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  helpButton.addEventListener("click", () => showHelp(helpPanel.hidden));
  helpClose.addEventListener("click", () => showHelp(false));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !helpPanel.hidden) showHelp(false);
  });
  locale.addEventListener("change", () => {
    const u = new URL(window.location.href);
    u.searchParams.set("locale", locale.value);
    window.location.assign(u.toString());
  });
  document.getElementById("reset").addEventListener("click", () => {
    messages = [];
    log.replaceChildren();
    status.textContent = "Started a new conversation.";
    input.focus();
  });
  input.focus();
})();
