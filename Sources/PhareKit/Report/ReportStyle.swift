/// The report's stylesheet, inlined in its `<head>` (no external file, font or image).
enum ReportStyle {
  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:#1a1a1a;\
    margin:0 auto;max-width:1100px;padding:1rem 1.5rem 3rem;line-height:1.45}
    h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #0b3c73;padding-bottom:.2rem;margin-top:2.2rem}
    nav ul{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0}a{color:#0b3c73}
    svg{display:block;width:100%;height:auto;margin:.8rem 0}svg.carte{max-width:860px}svg.barres{max-width:740px}
    text{font-family:inherit}table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}
    caption{text-align:left;font-weight:bold;padding:.3rem 0}th,td{border:1px solid #c8c8c8;padding:.25rem .5rem}
    td{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}thead th{background:#eef2f8}tbody th{text-align:left;font-weight:normal}
    tr.base{background:#f6f6f6}.note,.meta{color:#444;font-size:.9rem}details{margin:.5rem 0 1.5rem}
    summary{cursor:pointer;color:#0b3c73}.defile{overflow-x:auto}.lettre{color:#0b3c73;font-size:.85em}
    """
}
