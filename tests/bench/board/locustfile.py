"""One signed-in client hammering one page (BENCH_PATH) with no think time.
Run by test_throughput.py: ``locust --headless -u 20 ...``; imports locust only."""

import os

from locust import HttpUser, constant, task


class PageUser(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.client.cookies.set("sessionid", os.environ["BENCH_SESSION"])

    @task
    def page(self):
        with self.client.get(os.environ["BENCH_PATH"], catch_response=True, allow_redirects=False) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
