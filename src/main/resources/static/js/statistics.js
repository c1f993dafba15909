// ECCP statistics: draws the chart of a statistics page with Chart.js from the figures the page embeds as JSON.
// The table on the page holds the same figures (the chart's text alternative); suppressed figures are gaps.
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('statistics-chart');
  var data = document.getElementById('statistics-chart-data');
  if (!canvas || !data || typeof Chart === 'undefined') {
    return;
  }
  var chart = JSON.parse(data.textContent);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: chart.labels, datasets: [{ label: chart.label, data: chart.values, backgroundColor: '#1d4f91' }] },
    options: {
      animation: false,
      responsive: true,
      scales: { y: { beginAtZero: true, title: { display: true, text: chart.label } } },
      plugins: { legend: { display: true } }
    }
  });
  canvas.setAttribute('data-drawn', 'true');
});
