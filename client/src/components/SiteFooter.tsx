import './SiteFooter.css';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          For members of DOJ-funded Enhanced Collaborative Model anti-human-trafficking task forces. Share practice,
          not case files: leave out anything that could identify a victim.
        </p>
        <p>
          National Human Trafficking Hotline: <a className="site-footer__phone" href="tel:+18883737888">1-888-373-7888</a> (text 233733)
        </p>
      </div>
    </footer>
  );
}
