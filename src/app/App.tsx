// The application shell. The explorer view lands here (see the explorer issue).
export function App() {
  return (
    <main>
      <h1>Triplescope</h1>
      <p>Alfred and Marguerite Rosmer, as a knowledge graph.</p>
    </main>
  );
}
