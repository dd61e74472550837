/// The console's stylesheet and page script, served by the JobTracker itself: no build step and
/// nothing fetched from elsewhere.
enum ConsoleAssets {
    /// `/static/console.css`: a narrow-screen-friendly layout with a dark theme that follows
    /// `prefers-color-scheme`.
    static let css = """
        :root{--bg:#fafafa;--fg:#1b1f24;--muted:#5b6570;--card:#fff;--line:#d8dde3;--accent:#2463eb;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--bar:#e6eaef}
        @media (prefers-color-scheme: dark){:root{--bg:#0f1216;--fg:#e6e9ed;--muted:#9aa4ae;--card:#171b21;--line:#2c333b;--accent:#6ea0ff;--ok:#3fb950;--bad:#ff6b6b;--warn:#d29922;--bar:#262c34}}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
        header{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:var(--card)}
        header nav{display:flex;flex-wrap:wrap;gap:.2rem .8rem}header a{color:var(--fg);text-decoration:none}header a[aria-current]{color:var(--accent);font-weight:600}
        .account{margin-left:auto}main{max-width:1100px;margin:0 auto;padding:1rem}h1{font-size:1.35rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
        a{color:var(--accent)}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.6rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.7rem}.card b{display:block;font-size:1.5rem}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;background:var(--card)}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        th button{all:unset;cursor:pointer;color:var(--accent)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        progress.bar{width:9rem;max-width:45vw;height:.7rem;vertical-align:middle;accent-color:var(--accent);appearance:none;border:0;border-radius:4px;background:var(--bar);overflow:hidden}
        progress.bar::-webkit-progress-bar{background:var(--bar)}progress.bar::-webkit-progress-value{background:var(--accent)}progress.bar::-moz-progress-bar{background:var(--accent)}.barlabel{margin-left:.4rem;font-size:.85rem;color:var(--muted)}
        .badge{font-size:.8rem;padding:.05rem .45rem;border-radius:9px;border:1px solid var(--line)}
        .badge.succeeded,.badge.live{color:var(--ok)}.badge.failed,.badge.killed,.badge.lost{color:var(--bad)}.badge.running,.badge.draining,.badge.full,.badge.blacklisted{color:var(--warn)}
        pre{background:var(--card);border:1px solid var(--line);padding:.5rem;overflow-x:auto;font-size:.8rem}
        form{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.7rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
        form.inline{display:inline;border:0;padding:0;background:none}label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
        fieldset{border:1px solid var(--line);border-radius:6px;display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;min-width:0;max-width:100%;margin:0}
        label.check{flex-direction:row;align-items:center;gap:.35rem}.help{font-size:.8rem;color:var(--muted);max-width:22rem}select{max-width:100%}
        input,select,button{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
        button{cursor:pointer}button.danger{color:var(--bad)}.error{color:var(--bad)}.muted{color:var(--muted)}
        .pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1rem}.pair figure{margin:0;min-width:0}.pair img{max-width:100%;height:auto;border:1px solid var(--line)}
        svg{max-width:100%;height:auto}svg text{fill:var(--muted);font-size:11px}.log td{font-family:ui-monospace,monospace;font-size:.8rem}.log td:last-child{overflow-wrap:anywhere;min-width:16rem}
        """

    /// `/static/console.js`: refreshes the live region, sorts tables, and sends the forms and
    /// buttons to the JSON API with the session's CSRF token.
    static let javascript = """
        "use strict";
        const csrf = () => document.querySelector('meta[name="csrf-token"]').content;
        let sortState = null;
        function showError(message) {
          let box = document.getElementById("error");
          if (!box) { box = document.createElement("p"); box.id = "error"; box.className = "error"; document.querySelector("main").prepend(box); }
          box.textContent = message;
        }
        async function send(method, url, body, type) {
          const headers = {"X-CSRF-Token": csrf()};
          if (type) headers["Content-Type"] = type;
          const response = await fetch(url, {method, headers, body, credentials: "same-origin"});
          const text = await response.text();
          let data = {};
          try { data = JSON.parse(text); } catch (e) { data = {error: text}; }
          if (!response.ok) throw new Error(data.error || response.statusText);
          return data;
        }
        function sortTable(table, column, descending) {
          const body = table.tBodies[0];
          const rows = Array.from(body.rows);
          rows.sort((a, b) => {
            const x = parseFloat(a.cells[column].dataset.value || a.cells[column].textContent);
            const y = parseFloat(b.cells[column].dataset.value || b.cells[column].textContent);
            return descending ? y - x : x - y;
          });
          rows.forEach(row => body.appendChild(row));
        }
        function reapplySort() {
          if (!sortState) return;
          const table = document.getElementById(sortState.table);
          if (table) sortTable(table, sortState.column, sortState.descending);
        }
        async function refresh() {
          const live = document.getElementById("live");
          if (!live || live.dataset.active !== "1" || document.hidden) return;
          try {
            const response = await fetch(location.href, {credentials: "same-origin"});
            if (!response.ok) return;
            const page = new DOMParser().parseFromString(await response.text(), "text/html");
            const fresh = page.getElementById("live");
            if (fresh) { live.replaceWith(fresh); reapplySort(); }
          } catch (e) { /* the next tick tries again */ }
        }
        setInterval(refresh, 2000);
        document.addEventListener("click", async event => {
          const sorter = event.target.closest("button[data-sort]");
          if (sorter) {
            const table = sorter.closest("table");
            const column = sorter.closest("th").cellIndex;
            const descending = !(sortState && sortState.table === table.id && sortState.column === column && sortState.descending);
            sortState = {table: table.id, column, descending};
            reapplySort();
            return;
          }
          const action = event.target.closest("button[data-post], button[data-delete]");
          if (!action) return;
          event.preventDefault();
          if (action.dataset.confirm && !confirm(action.dataset.confirm)) return;
          try {
            if (action.dataset.post) await send("POST", action.dataset.post);
            else await send("DELETE", action.dataset.delete);
            location.href = action.dataset.next || location.href;
          } catch (e) { showError(e.message); }
        });
        document.addEventListener("submit", async event => {
          const form = event.target;
          if (!form.dataset.api && !form.dataset.upload) return;
          event.preventDefault();
          const button = form.querySelector("button[type=submit]");
          if (button) button.disabled = true;
          try {
            const uploaded = [];
            for (const input of form.querySelectorAll("input[type=file]")) {
              for (const file of input.files) {
                const upload = await send("POST", "/api/v1/uploads?name=" + encodeURIComponent(file.name), file, "application/octet-stream");
                uploaded.push(upload.id);
              }
            }
            if (form.dataset.upload) {
              if (!uploaded.length) throw new Error("choose a file first");
              location.href = form.dataset.upload.replace("{id}", uploaded[0]);
              return;
            }
            const fields = {options: {}};
            for (const [name, value] of new FormData(form)) {
              if (value instanceof File) continue;
              if (name.startsWith("option.")) fields.options[name.slice(7)] = value;
              else if (form.querySelector(`[name="${CSS.escape(name)}"]`).multiple) (fields[name] = fields[name] || []).push(value);
              else fields[name] = value;
            }
            if (uploaded.length) fields.uploads = (fields.uploads || []).concat(uploaded);
            const result = await send("POST", form.dataset.api, JSON.stringify(fields), "application/json");
            location.href = (form.dataset.next || location.href).replace("{job}", result.job || "");
          } catch (e) { showError(e.message); if (button) button.disabled = false; }
        });
        """
}
