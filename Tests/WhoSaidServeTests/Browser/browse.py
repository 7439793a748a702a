#!/usr/bin/env python3
"""Drives headless Chromium (Debian's chromium + chromium-driver, python3-selenium) against a running
`whosaid serve`, and prints what it saw as one JSON object for BrowserTests.swift to check.

Usage: browse.py BASE_URL CONFIG_JSON
CONFIG_JSON: {"speaker", "article", "entity", "probe_article", "screenshots": DIR or null,
              "pages": {name: path} to screenshot}
"""
import json
import sys
import time
from urllib.parse import quote

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By


def main():
    base, config = sys.argv[1].rstrip("/"), json.loads(sys.argv[2])
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    seen = {}
    try:
        # The search form: type a speaker's name, submit, read the results.
        driver.get(base + "/")
        field = driver.find_element(By.NAME, "speaker")
        field.send_keys(config["speaker"])
        driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
        time.sleep(0.3)
        rows = driver.find_elements(By.CSS_SELECTOR, "table.claims tbody tr")
        seen["search"] = {
            "url": driver.current_url,
            "speakers": [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows],
            "quotes": [r.find_elements(By.TAG_NAME, "td")[3].text for r in rows],
        }

        # An article: each marked quote and the speaker named beside it.
        driver.get(base + "/articles/" + quote(config["article"], safe=""))
        seen["article"] = driver.execute_script(
            "return Array.from(document.querySelectorAll('mark.q')).map(m => ({text: m.textContent,"
            " who: m.nextElementSibling ? m.nextElementSibling.textContent : null,"
            " background: getComputedStyle(m).backgroundColor}))")

        # An entity: its chart, drawn by the server.
        driver.get(base + "/entities/" + quote(config["entity"], safe=""))
        seen["entity"] = driver.execute_script(
            "const s = document.querySelector('svg.chart');"
            "return {svg: !!s, bars: s ? s.querySelectorAll('rect').length : 0,"
            " width: s ? s.getBoundingClientRect().width : 0}")

        # The XSS probe: nothing may run, on loading or on hovering.
        driver.get(base + "/articles/" + quote(config["probe_article"], safe=""))
        for element in driver.find_elements(By.CSS_SELECTOR, "h1, mark.q, .who, dd"):
            try:
                ActionChains(driver).move_to_element(element).perform()
            except Exception:
                pass
        try:
            driver.switch_to.alert
            alert = True
        except NoAlertPresentException:
            alert = False
        seen["probe"] = {
            "alert": alert,
            "marked": driver.execute_script("return document.body.getAttribute('data-xss')"),
            "scripts": driver.execute_script("return document.scripts.length"),
            "title": driver.find_element(By.TAG_NAME, "h1").text,
            "handlers": driver.execute_script(
                "return Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
                ".some(a => a.name.startsWith('on'))).length"),
        }

        if config.get("screenshots"):
            for name, path in config.get("pages", {}).items():
                driver.get(base + path)
                height = driver.execute_script("return Math.min(document.body.scrollHeight, 2200)")
                driver.set_window_size(1280, max(700, height))
                driver.save_screenshot(f"{config['screenshots']}/{name}.png")
                driver.set_window_size(1280, 1000)
    finally:
        driver.quit()
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
