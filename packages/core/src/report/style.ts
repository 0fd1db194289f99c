// The report's CSS, scoped under .medeval so it can sit inside a notebook output without restyling it.
// System font stacks only: no web font is fetched.
export const REPORT_CSS = `
.medeval{--fg:#1c2430;--muted:#5d6b7c;--line:#dfe4ea;--bg:#fff;--soft:#f5f7fa;--accent:#2f6fb2;--accent2:#9cc3ea;
--ok:#2e8b57;--warn:#c98a12;--bad:#c0392b;color:var(--fg);background:var(--bg);
font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.medeval h1{font-size:22px;margin:0 0 4px}
.medeval h2{font-size:17px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
.medeval .sub{color:var(--muted);margin:0 0 12px}
.medeval .cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.medeval .card{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:96px}
.medeval .card b{display:block;font-size:20px}
.medeval .card span{color:var(--muted);font-size:12px}
.medeval table{border-collapse:collapse;margin:6px 0;font-variant-numeric:tabular-nums}
.medeval th,.medeval td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:right;vertical-align:top}
.medeval th{background:var(--soft);font-weight:600;white-space:nowrap}
.medeval th:first-child,.medeval td:first-child{text-align:left}
.medeval td .ci{color:var(--muted);font-size:12px;white-space:nowrap}
.medeval td.v{white-space:nowrap}
.medeval .sig{color:var(--muted);font-size:12px;margin:4px 0 10px;word-break:break-all}
.medeval code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:4px}
.medeval .pos{color:var(--ok)} .medeval .neg{color:var(--bad)}
.medeval .charts{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-start}
.medeval svg.chart{max-width:100%;height:auto;font:12px system-ui,sans-serif}
.medeval svg .chart-title{font-weight:600;font-size:13px;fill:var(--fg)}
.medeval svg .grid{stroke:var(--line);stroke-width:1}
.medeval svg .axis,.medeval svg .note{fill:var(--muted)}
.medeval svg .label{fill:var(--fg)}
.medeval svg .bar{fill:var(--accent2)}
.medeval svg .ok .bar{fill:var(--accent2)} .medeval svg .warn .bar{fill:#f0c36a} .medeval svg .bad .bar{fill:#e58f86} .medeval svg .muted .bar{fill:#c3cbd5}
.medeval svg .up .bar{fill:#8fd0a8} .medeval svg .down .bar{fill:#eea39b} .medeval svg .grid.zero{stroke:#8795a6}
.medeval svg .ci{stroke:var(--accent);stroke-width:1.6}
.medeval .samples{width:100%;table-layout:fixed}
.medeval .samples td,.medeval .samples th{text-align:left}
.medeval .samples td div{max-height:7.5em;overflow:auto;white-space:pre-wrap;word-break:break-word}
.medeval .samples col.id{width:64px} .medeval .samples col.st{width:90px} .medeval .samples col.sc{width:150px}
.medeval .samples.short col.pred,.medeval .samples.short col.gold{width:110px}
.medeval .tw{overflow-x:auto;max-width:100%}
.medeval .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;background:var(--soft);border:1px solid var(--line)}
.medeval .badge.ok{color:var(--ok)} .medeval .badge.unparsed,.medeval .badge.empty,.medeval .badge.truncated{color:var(--warn)} .medeval .badge.error{color:var(--bad)}
.medeval .filters{display:flex;gap:10px;align-items:center;margin:8px 0}
.medeval .filters input{flex:1;max-width:420px;padding:5px 8px;border:1px solid var(--line);border-radius:6px;font:inherit}
.medeval .filters select{padding:5px;border:1px solid var(--line);border-radius:6px;font:inherit}
.medeval .muted{color:var(--muted)}
.medeval h3{font-size:14px;margin:16px 0 6px}
.medeval .example{margin:8px 0}
.medeval .example pre{margin:4px 0 0;padding:6px 10px;background:var(--soft);border:1px solid var(--line);border-radius:6px;max-height:12em;overflow:auto;white-space:pre-wrap;word-break:break-word;font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.medeval.page{max-width:1180px;margin:24px auto;padding:0 20px}
`;
