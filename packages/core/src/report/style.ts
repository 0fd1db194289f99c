// The report's CSS, scoped under .medeval so it can sit inside a notebook output without restyling it.
// System fonts only (no web font is fetched), with a CJK stack so Chinese text finds a real font on
// macOS, Windows and bare Linux desktops instead of blank boxes. Colours: text colours meet WCAG AA
// (4.5:1) on the page and on the soft background, in the light and the dark scheme (a test checks).

/** Font families for Chinese text, most specific first; the generic family comes last. */
export const CJK_FONT_STACK =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Source Han Sans CN","WenQuanYi Micro Hei","WenQuanYi Zen Hei","Droid Sans Fallback","Heiti SC","SimHei"';

/** The colour variables of each scheme (also read by the contrast test). */
export const LIGHT_COLOURS = {
  fg: '#1c2430', muted: '#55626f', line: '#dfe4ea', bg: '#ffffff', soft: '#f5f7fa', accent: '#2f6fb2', accent2: '#9cc3ea',
  ok: '#1f7048', warn: '#8a5a00', bad: '#b03024', mark: '#fff1a8',
} as const;
export const DARK_COLOURS = {
  fg: '#e4e8ee', muted: '#a3afbd', line: '#38414d', bg: '#15191f', soft: '#1f252d', accent: '#7fb2e8', accent2: '#3d6a99',
  ok: '#6fd19a', warn: '#f0c36a', bad: '#ff8a7e', mark: '#6b5a10',
} as const;

const vars = (c: Record<string, string>) => Object.entries(c).map(([k, v]) => `--${k}:${v}`).join(';');

export const REPORT_CSS = `
.medeval{${vars(LIGHT_COLOURS)};color:var(--fg);background:var(--bg);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",${CJK_FONT_STACK},sans-serif}
@media (prefers-color-scheme:dark){.medeval{${vars(DARK_COLOURS)}}}
.medeval-body{margin:0;background:${LIGHT_COLOURS.bg}}
@media (prefers-color-scheme:dark){.medeval-body{background:${DARK_COLOURS.bg}}}
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
.medeval code,.medeval pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",${CJK_FONT_STACK},monospace}
.medeval code{font-size:12px;background:var(--soft);padding:1px 4px;border-radius:4px}
.medeval .pos{color:var(--ok)} .medeval .neg{color:var(--bad)}
.medeval .charts{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-start}
.medeval svg.chart{max-width:100%;height:auto;font:12px system-ui,${CJK_FONT_STACK},sans-serif}
.medeval svg .chart-title{font-weight:600;font-size:13px;fill:var(--fg)}
.medeval svg .grid{stroke:var(--line);stroke-width:1}
.medeval svg .axis,.medeval svg .note{fill:var(--muted)}
.medeval svg .label{fill:var(--fg)}
.medeval svg .bar{fill:var(--accent2)}
.medeval svg .ok .bar{fill:var(--accent2)} .medeval svg .warn .bar{fill:#f0c36a} .medeval svg .bad .bar{fill:#e58f86} .medeval svg .muted .bar{fill:#c3cbd5}
.medeval svg .up .bar{fill:#8fd0a8} .medeval svg .down .bar{fill:#eea39b} .medeval svg .grid.zero{stroke:#8795a6}
.medeval svg .ci{stroke:var(--accent);stroke-width:1.6}
.medeval .tw{overflow-x:auto;max-width:100%}
.medeval .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;line-height:18px;background:var(--soft);border:1px solid var(--line);white-space:nowrap}
.medeval .badge.ok,.medeval .badge.correct{color:var(--ok)} .medeval .badge.wrong,.medeval .badge.error{color:var(--bad)}
.medeval .badge.unparsed,.medeval .badge.empty,.medeval .badge.truncated{color:var(--warn)}
.medeval .filters{display:flex;gap:10px;align-items:center;margin:8px 0;flex-wrap:wrap}
.medeval input,.medeval select,.medeval button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:4px 8px}
.medeval button{cursor:pointer} .medeval button:disabled{color:var(--muted);cursor:default}
.medeval .filters input{flex:1;max-width:420px}
.medeval .facets,.medeval .presets{display:flex;flex-wrap:wrap;gap:6px 14px;margin:6px 0}
.medeval .facet{display:flex;flex-direction:column;font-size:12px;max-width:260px}
.medeval .facet select{max-width:260px}
.medeval .muted{color:var(--muted)}
.medeval h3{font-size:14px;margin:16px 0 6px}
.medeval .example{margin:8px 0}
.medeval .example pre,.medeval pre.text{margin:4px 0 0;padding:6px 10px;background:var(--soft);border:1px solid var(--line);border-radius:6px;max-height:24em;overflow:auto;white-space:pre-wrap;word-break:break-word;font-size:12px;line-height:1.5}
.medeval mark{background:var(--mark);color:var(--fg);border-radius:2px}
.medeval .legends{display:flex;flex-wrap:wrap;gap:4px 28px}
.medeval table.legend td,.medeval table.legend th{text-align:left}
.medeval .vwrap{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,6fr);gap:12px;align-items:start}
@media (max-width:900px){.medeval .vwrap{grid-template-columns:1fr}}
.medeval .vlist{position:relative;height:70vh;min-height:240px;overflow:auto;border:1px solid var(--line);border-radius:6px;outline-offset:2px}
.medeval .vspacer{width:1px}
.medeval .vrow{position:absolute;left:0;right:0;height:30px;box-sizing:border-box;display:flex;gap:8px;align-items:center;padding:0 8px;border-bottom:1px solid var(--line);cursor:pointer;white-space:nowrap;overflow:hidden;font-size:13px}
.medeval .vrow:hover{background:var(--soft)}
.medeval .vrow.sel{background:var(--soft);box-shadow:inset 3px 0 0 var(--accent)}
.medeval .vrow .n{color:var(--muted);min-width:3.5em;text-align:right;font-variant-numeric:tabular-nums}
.medeval .vrow .id{min-width:4em;max-width:9em;overflow:hidden;text-overflow:ellipsis}
.medeval .vrow .oc{display:flex;gap:4px;align-items:center}
.medeval .vrow .pred,.medeval .vrow .gold{max-width:6em;overflow:hidden;text-overflow:ellipsis}
.medeval .vrow .gold{color:var(--muted)}
.medeval .vrow .q{flex:1;overflow:hidden;text-overflow:ellipsis;color:var(--muted)}
.medeval .detail{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-height:240px;max-height:70vh;overflow:auto}
.medeval .dhead{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.medeval .dhead h3{margin:4px 8px 4px 0}
.medeval .detail a{color:var(--accent)}
.medeval dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0}
.medeval dt{color:var(--muted)} .medeval dd{margin:0;white-space:pre-wrap;word-break:break-word}
.medeval .label{color:var(--muted);font-size:12px;margin-top:8px}
.medeval .runs{display:grid;grid-template-columns:repeat(var(--runs,1),minmax(0,1fr));gap:12px}
@media (max-width:900px){.medeval .runs{grid-template-columns:1fr}}
.medeval .run h4{margin:10px 0 4px;font-size:14px}
.medeval details summary{cursor:pointer;color:var(--accent);margin-top:8px}
.medeval.page{max-width:1280px;margin:24px auto;padding:0 20px}
@media print{
.medeval{--fg:#000;--muted:#444;--bg:#fff;--soft:#fff}
.medeval .filters,.medeval .facets,.medeval .presets,.medeval .vlist,.medeval .dhead button,.medeval .dhead a{display:none}
.medeval .vwrap{display:block} .medeval .detail{max-height:none;overflow:visible;border:0;padding:0}
.medeval pre.text{max-height:none;overflow:visible}
.medeval section,.medeval table,.medeval svg{break-inside:avoid}
.medeval.page{max-width:none;margin:0}
}
`;
