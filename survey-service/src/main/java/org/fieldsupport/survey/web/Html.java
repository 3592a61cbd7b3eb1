package org.fieldsupport.survey.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Server-rendered pages: escaping, one layout and style, and the headers every page gets. */
public final class Html {

    public static final String TYPE = MediaType.TEXT_HTML + ";charset=UTF-8";

    static final String STYLE = """
            :root{--ink:#1b1f24;--muted:#555f6d;--accent:#0b5cad;--line:#d0d7de;--bad:#a40e26;--ok:#116329}
            *{box-sizing:border-box}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0;
              background:#f6f8fa;line-height:1.5}
            main{max-width:60rem;margin:0 auto;padding:1.5rem;background:#fff;min-height:100vh}
            h1{font-size:1.6rem;margin-top:0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line)}
            fieldset{border:1px solid var(--line);border-radius:.5rem;margin:1rem 0;padding:1rem}
            legend{font-weight:600;padding:0 .3rem}
            .scale{display:flex;flex-wrap:wrap;gap:.5rem}
            .scale label{display:flex;align-items:center;gap:.35rem;border:1px solid var(--line);border-radius:.4rem;
              padding:.45rem .7rem;cursor:pointer}
            .scale input:focus-visible+span{outline:3px solid var(--accent)}
            textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #8c959f;border-radius:.4rem}
            button{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:.4rem;padding:.6rem 1.2rem;
              cursor:pointer}
            button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #f0a202;outline-offset:2px}
            .alert{border-left:4px solid var(--bad);background:#fff5f5;padding:.6rem 1rem}
            .note{color:var(--muted);font-size:.9rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
            th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:right;vertical-align:top}
            th:first-child,td:first-child{text-align:left}
            thead th{background:#eef2f6}
            .warn{color:var(--bad);font-size:.85rem}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}
            .card{border:1px solid var(--line);border-radius:.5rem;padding:1rem}
            .card h2{margin-top:0}
            .card dl{display:grid;grid-template-columns:1fr auto;gap:.25rem .75rem;margin:0}
            .card dd{margin:0;font-weight:600;text-align:right}
            @media print{body{background:#fff}main{max-width:none;padding:0}.noprint{display:none}
              h2{break-after:avoid}figure,table{break-inside:avoid}}
            """;

    private Html() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String page(String lang, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body><main>" + body
                + "</main></body></html>";
    }

    /** A page response: never cached (links are one-time, figures change), no referrer (the URL holds a token). */
    public static Response respond(int status, String html) {
        return Response.status(status).type(TYPE).entity(html).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                        + "frame-ancestors 'none'")
                .build();
    }
}
